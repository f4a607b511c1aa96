import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planParts, startSearchIndex } from "../src/search/pagefind.ts";
import { indexedPages, tempDir } from "./helpers.ts";
import { sharedSite } from "./shared-sites.ts";

describe("the search index", () => {
  it("holds each public page's main content with its title and section, and nothing of the header, menus or footer", async () => {
    const pages = indexedPages((await sharedSite("site")).output);
    const urls = pages.map((p) => p.url);
    expect(urls.filter((url) => !url.startsWith("/projects/") && !url.startsWith("/metrics/")).sort()).toEqual([
      "/",
      "/about/",
      "/accessibility/",
      "/community/",
      "/conditions-of-use/",
      "/contact-us/",
      ...["", "about/", "accessibility/", "community/", "conditions-of-use/", "contact-us/", "privacy-policy/", "values/", "working-group/"].map((page) => `/es/${page}`),
      "/privacy-policy/",
      "/values/",
      "/working-group/",
    ]);
    expect(urls.filter((url) => /^\/projects\/[a-z]+\/.+\//.test(url))).toHaveLength(106);
    expect(urls).toEqual(expect.arrayContaining(["/metrics/", "/metrics/agencies/", "/projects/", "/projects/page-2/"]));
    const group = pages.find((p) => p.url === "/working-group/")!;
    expect(group.meta).toMatchObject({ title: "Working Group", section: "Working Group" });
    expect(group.filters).toEqual({ section: ["Working Group"] });
    expect(group.anchors.map((a) => a.id)).toEqual(expect.arrayContaining(["the-working-group", "the-product-owner", "code-coordinators"]));
    expect(pages.find((p) => p.url === "/privacy-policy/")!.filters).toEqual({ section: ["Site information"] });
    for (const page of pages) {
      for (const chrome of ["Skip to main content", "Official website of the", "Copyright", "Last updated on", "On this page", "Link to the section", "Ir al contenido principal", "En esta página", "Enlace a la sección"]) {
        expect(page.content, `${page.url} should not index "${chrome}"`).not.toContain(chrome);
      }
    }
  });

  it("is written whole before the site is published: no empty file, and the entry names a page list that is there", async () => {
    const bundle = path.join((await sharedSite("secondSite")).output, "pagefind");
    const files = readdirSync(bundle, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.filter((entry) => statSync(path.join(entry.parentPath, entry.name)).size === 0).map((entry) => entry.name)).toEqual([]);
    const entry = JSON.parse(readFileSync(path.join(bundle, "pagefind-entry.json"), "utf8")) as { languages: Record<string, { hash: string; page_count: number }> };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([4]);
    for (const { hash } of Object.values(entry.languages)) expect(existsSync(path.join(bundle, `pagefind.${hash}.pf_meta`))).toBe(true);
  });

  it("leaves out drafts", async () => {
    const urls = indexedPages((await sharedSite("secondSite")).output).map((p) => p.url);
    expect(urls.sort()).toEqual(["/", "/contact/", "/projects/", "/reviewed/"]);
  });
});

describe("a large site's search index, built in parts", () => {
  const files = ["guides/a/index.html", "about/index.html", "guides/b/index.html", "news/index.html", "index.html"].map((file) => ({ path: file, bytes: 100 }));

  it("takes as few parts as hold the site's HTML within the budget, dealing the pages in turn in path order", () => {
    expect(planParts(files, 1000)).toEqual([["about/index.html", "guides/a/index.html", "guides/b/index.html", "index.html", "news/index.html"]]);
    expect(planParts(files, 250)).toEqual([
      ["about/index.html", "guides/b/index.html", "news/index.html"],
      ["guides/a/index.html", "index.html"],
    ]);
  });

  it("never makes a part without pages, even for a page larger than the budget", () => {
    expect(planParts([{ path: "index.html", bytes: 10_000 }], 100)).toEqual([["index.html"]]);
  });

  it("indexes every page once, across parts the search page merges, and the further parts carry no scripts", async () => {
    const [whole, inParts] = await Promise.all([sharedSite("site"), sharedSite("prefixedSite")]);
    expect(JSON.parse(readFileSync(path.join(whole.output, "pagefind", "parts.json"), "utf8"))).toEqual([]);
    const parts = JSON.parse(readFileSync(path.join(inParts.output, "pagefind", "parts.json"), "utf8")) as string[];
    expect(parts).toEqual(["part-2/", "part-3/"]);

    const urlsByPart = ["", ...parts].map((bundle) => indexedPages(inParts.output, bundle).map((page) => page.url));
    expect(urlsByPart.every((urls) => urls.length > 30)).toBe(true);
    const all = urlsByPart.flat();
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(indexedPages(whole.output).map((page) => page.url).sort());

    for (const part of parts) {
      const names = readdirSync(path.join(inParts.output, "pagefind", part));
      expect(names.filter((name) => /\.(js|css|pagefind)$/.test(name)), part).toEqual([]);
      expect(names).toContain("pagefind-entry.json");
    }
  });

  // Read from /proc: Linux, as CI is.
  it.runIf(process.platform === "linux")("indexed in the background, as npm start's search catches up, is built at the lowest priority, and whole", async () => {
    const site = (await sharedSite("secondSite")).output;
    const bundle = path.join(tempDir(), "pagefind");
    const indexing = startSearchIndex(site, undefined, bundle, true);
    // The child process indexing it, and the niceness Linux gives it (the 19th field of its stat).
    const niceness: number[] = [];
    let finished = false;
    void indexing.finished.finally(() => (finished = true)).catch(() => {});
    while (!finished) {
      for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
          if (Number(stat[1]) === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("search-part.ts")) niceness.push(Number(stat[16]));
        } catch {
          // A process that ended meanwhile.
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await indexing.finished).errors).toEqual([]);
    expect(niceness.length).toBeGreaterThan(0);
    expect(new Set(niceness)).toEqual(new Set([os.constants.priority.PRIORITY_LOW]));
    const fragments = (dir: string) => readdirSync(path.join(dir, "fragment")).sort();
    expect(fragments(bundle)).toEqual(fragments(path.join(site, "pagefind")));
  });
});
