import { describe, expect, it } from "vitest";
import { absoluteUrl } from "../../src/filters/absolute-url.ts";

describe("absoluteUrl", () => {
  it("puts a page's path on the site's address", () => {
    expect(absoluteUrl("/working-group/", "https://code.ca.gov", "/")).toBe("https://code.ca.gov/working-group/");
    expect(absoluteUrl("/", "https://code.ca.gov/", "/")).toBe("https://code.ca.gov/");
  });
  it("adds the path prefix of a project site", () => {
    expect(absoluteUrl("/about/", "https://cagov.github.io", "/code.ca.gov/")).toBe("https://cagov.github.io/code.ca.gov/about/");
    expect(absoluteUrl("/sitemap.xml", "https://cagov.github.io/", "/code.ca.gov/")).toBe("https://cagov.github.io/code.ca.gov/sitemap.xml");
  });
  it("leaves a full address alone", () => {
    expect(absoluteUrl("https://www.ca.gov/", "https://code.ca.gov", "/code.ca.gov/")).toBe("https://www.ca.gov/");
  });
});
