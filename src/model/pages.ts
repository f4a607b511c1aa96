import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import { pageUrl, type PageSource } from "../checks/page-source.ts";
import { checkedFrontMatter, parsePage, type ParsedPage } from "./frontmatter.ts";
import type { PageFrontMatter } from "../schema/page.ts";
import type { Problem } from "../problems/problems.ts";

/** Every Markdown page of a content folder; folders starting with `_` or `.` hold data and tooling, not pages. */
export function findPageFiles(contentDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith("_") || entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) files.push(full);
    }
  };
  walk(contentDir);
  return files.sort();
}

export interface Redirect {
  from: string;
  to: string;
}

/**
 * What layouts need to know about other pages, gathered as pages are read: titles by address (for
 * breadcrumbs, without making every page depend on the whole collection, which Eleventy wires page to
 * page) and the old addresses that redirect.
 */
export const siteMap = { titles: new Map<string, string>(), redirects: [] as Redirect[] };

function addToSiteMap(url: string, data: PageFrontMatter | undefined): void {
  if (!data || data.draft) return;
  siteMap.titles.set(url, data.title);
  for (const from of data.redirect_from ?? []) siteMap.redirects.push({ from, to: url });
}

function clearSiteMap(): void {
  siteMap.titles.clear();
  siteMap.redirects.length = 0;
}

/** A page whose front matter has been read: what Eleventy needs before it renders, and the checks after. */
export interface ReadPage {
  file: string;
  text: string;
  url: string;
  /** The front matter (when valid) and the Markdown body; undefined when the front matter cannot be read. */
  page?: ParsedPage;
}

/**
 * Reads every page's front matter against the schema, and fills the site map with titles and old addresses
 * (and `checkedFrontMatter` for Eleventy to take): the part of reading that must come before Eleventy renders,
 * in a build and before each rebuild while serving.
 */
export function readPages(contentDir: string): { pages: ReadPage[]; problems: Problem[] } {
  const pages: ReadPage[] = [];
  const problems: Problem[] = [];
  clearSiteMap();
  checkedFrontMatter.clear();
  for (const file of findPageFiles(contentDir)) {
    const text = readFileSync(file, "utf8");
    const { page, problems: found } = parsePage(file, text);
    problems.push(...found);
    const url = pageUrl(contentDir, file, page?.data?.permalink);
    addToSiteMap(url, page?.data);
    pages.push({ file, text, url, page });
  }
  return { pages, problems };
}

/** Parses each page's Markdown into tokens, which carry their lines, for all the checks that follow. */
export function parsePages(pages: readonly ReadPage[], markdown: MarkdownIt): PageSource[] {
  return pages.map(({ file, text, url, page }) => ({
    file,
    lines: text.split("\n"),
    data: page?.data,
    url,
    tokens: page ? markdown.parse(page.body, {}) : [],
    bodyLineOffset: page?.bodyLineOffset ?? 0,
  }));
}
