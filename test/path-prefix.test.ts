import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { sharedSite } from "./shared-sites.ts";

let site: string;

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.join(e.parentPath, e.name));

beforeAll(async () => {
  site = (await sharedSite("prefixedSite")).output;
});

describe("a build served under a path prefix (a GitHub Pages project site)", () => {
  it("prefixes every internal link, stylesheet and image on every page", () => {
    const files = htmlFiles(site);
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      const page = parse(readFileSync(file, "utf8"));
      const urls = page.querySelectorAll("[href], [src]").map((el) => el.getAttribute("href") ?? el.getAttribute("src") ?? "");
      const internal = urls.filter((u) => u.startsWith("/") && !u.startsWith("//"));
      expect(internal.length).toBeGreaterThan(5);
      expect(internal.filter((u) => !u.startsWith("/code.ca.gov/")), path.relative(site, file)).toEqual([]);
    }
  });

  it("puts the prefix into canonical URLs and the sitemap", () => {
    const about = parse(readFileSync(path.join(site, "about", "index.html"), "utf8"));
    expect(about.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe("https://code.ca.gov/code.ca.gov/about/");
    expect(readFileSync(path.join(site, "sitemap.xml"), "utf8")).toContain("<loc>https://code.ca.gov/code.ca.gov/working-group/</loc>");
  });
});
