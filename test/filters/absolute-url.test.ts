import { describe, expect, it } from "vitest";
import { absoluteUrlFor } from "../../src/render/filters/absolute-url.ts";

describe("absoluteUrlFor", () => {
  it("puts a page's path on the site's address", () => {
    expect(absoluteUrlFor("https://code.ca.gov", "/")("/working-group/")).toBe("https://code.ca.gov/working-group/");
    expect(absoluteUrlFor("https://code.ca.gov/", "/")("/")).toBe("https://code.ca.gov/");
  });
  it("adds the path prefix of a project site", () => {
    expect(absoluteUrlFor("https://cagov.github.io", "/code.ca.gov/")("/about/")).toBe("https://cagov.github.io/code.ca.gov/about/");
    expect(absoluteUrlFor("https://cagov.github.io/", "/code.ca.gov/")("/sitemap.xml")).toBe("https://cagov.github.io/code.ca.gov/sitemap.xml");
  });
  it("leaves a full address alone", () => {
    expect(absoluteUrlFor("https://code.ca.gov", "/code.ca.gov/")("https://www.ca.gov/")).toBe("https://www.ca.gov/");
  });
});
