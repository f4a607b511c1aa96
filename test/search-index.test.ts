import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildInto, fixtures, root } from "./helpers.ts";

interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { id: string; text: string }[];
}

/** The pages Pagefind indexed, read back from the fragments it wrote (gzipped JSON behind a signature). */
function indexedPages(site: string): Fragment[] {
  const dir = path.join(site, "pagefind", "fragment");
  return readdirSync(dir).map((file) => JSON.parse(gunzipSync(readFileSync(path.join(dir, file))).toString("utf8").replace(/^pagefind_dcd/, "")) as Fragment);
}

describe("the search index", () => {
  it("holds each public page's main content with its title and section, and nothing of the header, menus or footer", async () => {
    const build = await buildInto(path.join(root, "content"));
    expect(build.code).toBe(0);
    const pages = indexedPages(build.output);
    const urls = pages.map((p) => p.url);
    expect(urls.filter((url) => !url.startsWith("/projects/") && !url.startsWith("/metrics/")).sort()).toEqual(["/", "/about/", "/accessibility/", "/community/", "/conditions-of-use/", "/contact-us/", "/privacy-policy/", "/values/", "/working-group/"]);
    expect(urls.filter((url) => /^\/projects\/[a-z]+\/.+\//.test(url))).toHaveLength(106);
    expect(urls).toEqual(expect.arrayContaining(["/metrics/", "/metrics/agencies/", "/projects/", "/projects/page-2/"]));
    const group = pages.find((p) => p.url === "/working-group/")!;
    expect(group.meta).toMatchObject({ title: "Working Group", section: "Working Group" });
    expect(group.filters).toEqual({ section: ["Working Group"] });
    expect(group.anchors.map((a) => a.id)).toEqual(expect.arrayContaining(["the-working-group", "the-product-owner", "code-coordinators"]));
    expect(pages.find((p) => p.url === "/privacy-policy/")!.filters).toEqual({ section: ["Site information"] });
    for (const page of pages) {
      for (const chrome of ["Skip to main content", "Official website of the", "Copyright", "Last updated on", "On this page", "Link to the section"]) {
        expect(page.content, `${page.url} should not index "${chrome}"`).not.toContain(chrome);
      }
    }
  });

  it("is written whole before the site is published: no empty file, and the entry names a page list that is there", async () => {
    const build = await buildInto(path.join(fixtures, "sites", "second-site"));
    expect(build.code).toBe(0);
    const bundle = path.join(build.output, "pagefind");
    const files = readdirSync(bundle, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.filter((entry) => statSync(path.join(entry.parentPath, entry.name)).size === 0).map((entry) => entry.name)).toEqual([]);
    const entry = JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string; page_count: number }> };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([4]);
    for (const { hash } of Object.values(entry.languages)) expect(existsSync(path.join(bundle, `pagefind.${hash}.pf_meta`))).toBe(true);
  });

  it("leaves out drafts", async () => {
    const build = await buildInto(path.join(fixtures, "sites", "second-site"));
    expect(build.code).toBe(0);
    const urls = indexedPages(build.output).map((p) => p.url);
    expect(urls.sort()).toEqual(["/", "/contact/", "/projects/", "/reviewed/"]);
  });
});
