import { describe, expect, it } from "vitest";
import { editUrl } from "../../src/render/filters/edit-url.ts";

const settings = { repository: "https://github.com/cagov/code.ca.gov", branch: "main", content_path: "content" };

describe("editUrl", () => {
  it("opens the page's file in the repository's editor", () => {
    expect(editUrl("/repo/content/working-group.md", "/repo/content", settings)).toBe("https://github.com/cagov/code.ca.gov/edit/main/content/working-group.md");
  });
  it("keeps sub-folders and takes Eleventy's ./-relative paths", () => {
    expect(editUrl("./content/guides/start.md", `${process.cwd()}/content`, settings)).toBe("https://github.com/cagov/code.ca.gov/edit/main/content/guides/start.md");
  });
  it("works for content at the repository's top level and a trailing slash on the repository", () => {
    expect(editUrl("/x/about.md", "/x", { repository: "https://github.com/a/b/", branch: "trunk", content_path: "" })).toBe("https://github.com/a/b/edit/trunk/about.md");
  });
  it("percent-encodes each name of the path, so that a # or ? in a file's name does not cut the address short", () => {
    expect(editUrl("/x/content/notes #1?.md", "/x/content", { ...settings, branch: "release/2026" })).toBe("https://github.com/cagov/code.ca.gov/edit/release/2026/content/notes%20%231%3F.md");
  });
});
