import { describe, expect, it } from "vitest";
import { headerPolicy, pagePolicy, searchPageUrl } from "../src/render/csp.ts";

describe("Content Security Policy", () => {
  it("allows nothing from other origins and no inline code on a page", () => {
    const policy = pagePolicy("/about/");
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toMatch(/unsafe-inline|https?:|wasm/);
  });

  it("allows WebAssembly on the search page only", () => {
    expect(pagePolicy(searchPageUrl)).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(pagePolicy("/")).not.toContain("wasm");
  });

  it("allows it on each language's search page, and on no other page of a language", () => {
    const searchUrls = new Set(["/search/", "/es/search/"]);
    expect(pagePolicy("/es/search/", searchUrls)).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(pagePolicy("/es/", searchUrls)).not.toContain("wasm");
    expect(pagePolicy("/es/search/")).not.toContain("wasm");
  });

  it("adds frame-ancestors in the header, where browsers read it", () => {
    expect(headerPolicy()).toContain("frame-ancestors 'none'");
    expect(pagePolicy("/")).not.toContain("frame-ancestors");
  });
});
