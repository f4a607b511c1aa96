import { describe, expect, it } from "vitest";
import { pageTitle } from "../../src/render/filters/page-title.ts";

describe("pageTitle", () => {
  it("names the page, then the site", () => expect(pageTitle("Working Group", "Code California")).toBe("Working Group | Code California"));
  it("does not repeat the site's name on the home page", () => expect(pageTitle("Code California", "Code California")).toBe("Code California"));
});
