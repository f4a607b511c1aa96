import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { generatorRoot } from "../options.ts";
import type { PageSource } from "./page-source.ts";
import { sourceForm } from "./references.ts";

/** Addresses the generator itself publishes on every site. */
export const generatedUrls = ["/search/", "/sitemap.xml", "/robots.txt", "/reviews.json", "/assets/site.css"];

/** Ids every page has from its layout, besides its headings. */
export const layoutIds = ["main-content"];

export interface IndexedPage {
  file: string;
  /** Every id a link can point at: headings and the layout's landmarks. */
  ids: Set<string>;
  /** The ids of the page's own headings, in order, to suggest. */
  sections: string[];
}

/** One index of every address of the site and every heading id on each page, for the link checks. */
export class SiteIndex {
  readonly pages = new Map<string, IndexedPage>();
  private readonly byFile = new Map<string, string>();
  private readonly drafts: Set<string>;

  constructor(
    private readonly contentDir: string,
    pages: readonly PageSource[],
    /** Addresses the generator publishes from data rather than Markdown (the catalog's pages). */
    generatedPages: readonly string[] = [],
  ) {
    for (const url of generatedPages) this.pages.set(url, { file: "", ids: new Set(layoutIds), sections: [] });
    for (const page of pages) {
      this.byFile.set(page.file, page.url);
      if (page.data?.draft || this.pages.has(page.url)) continue;
      const sections = page.tokens.filter((t) => t.type === "heading_open" && t.attrGet("id")).map((t) => String(t.attrGet("id")));
      const ids = new Set([...layoutIds, ...sections]);
      if (page.tokens.some((t) => t.meta?.generated === "toc")) ids.add("toc-title");
      this.pages.set(page.url, { file: page.file, ids, sections });
    }
    this.drafts = new Set(pages.filter((p) => p.data?.draft).map((p) => p.url));
  }

  /** The address of the page written in a file of the content folder. */
  urlOfFile(file: string): string | undefined {
    return this.byFile.get(file);
  }

  isDraft(url: string): boolean {
    return this.drafts.has(url) || this.drafts.has(`${url}/`);
  }

  /** The page at an address: `/about/`, or `/about` for it too. */
  page(url: string): IndexedPage | undefined {
    return this.pages.get(url) ?? this.pages.get(url.endsWith("/") ? url : `${url}/`);
  }

  /** Whether an address that is not a page is a file the site publishes: an image, a download, a generated file. */
  hasFile(url: string): boolean {
    if (generatedUrls.includes(url)) return true;
    const relative = sourceForm(url).replace(/^\/+/, "");
    if (relative.startsWith("assets/") && isFile(path.join(generatorRoot, "_includes", relative))) return true;
    return isFile(path.join(this.contentDir, relative));
  }

  urls(): string[] {
    return [...this.pages.keys()];
  }
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}
