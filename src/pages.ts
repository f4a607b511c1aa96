import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import { pageUrl, type PageSource } from "./checks/page-source.ts";
import { parsePage } from "./frontmatter.ts";
import type { Problem } from "./problems.ts";

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

/**
 * Every published page's title by address, for breadcrumbs. Filled as pages are read, so layouts need not
 * look through the whole collection of pages (which makes Eleventy wire every page to every other).
 */
export const pageTitles = new Map<string, string>();

/** Reads just the titles, for rebuilds while serving (the checks read everything else). */
export function readPageTitles(contentDir: string): void {
  pageTitles.clear();
  for (const file of findPageFiles(contentDir)) {
    const data = parsePage(file).page?.data;
    if (data && !data.draft) pageTitles.set(pageUrl(contentDir, file, data.permalink), data.title);
  }
}

/**
 * Reads every page once: its front matter checked against the schema, its Markdown parsed into tokens
 * (with their lines) by the site's markdown-it instance, for all the checks that follow.
 */
export function loadPages(contentDir: string, markdown: MarkdownIt): { pages: PageSource[]; problems: Problem[] } {
  const pages: PageSource[] = [];
  const problems: Problem[] = [];
  pageTitles.clear();
  for (const file of findPageFiles(contentDir)) {
    const text = readFileSync(file, "utf8");
    const { page, problems: found } = parsePage(file, text);
    problems.push(...found);
    if (page?.data && !page.data.draft) pageTitles.set(pageUrl(contentDir, file, page.data.permalink), page.data.title);
    pages.push({
      file,
      lines: text.split("\n"),
      data: page?.data,
      url: pageUrl(contentDir, file, page?.data?.permalink),
      tokens: page ? markdown.parse(page.body, {}) : [],
      bodyLineOffset: page?.bodyLineOffset ?? 0,
    });
  }
  return { pages, problems };
}
