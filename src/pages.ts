import { readdirSync } from "node:fs";
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import { parsePage, type ParsedPage } from "./frontmatter.ts";
import { problem, type Problem } from "./problems.ts";
import { didYouMean } from "./suggest.ts";

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

/** Reads every page's front matter and checks the data blocks its Markdown places. */
export function loadPages(contentDir: string, markdown: MarkdownIt, blockNames: readonly string[]): { pages: ParsedPage[]; problems: Problem[] } {
  const pages: ParsedPage[] = [];
  const problems: Problem[] = [];
  for (const file of findPageFiles(contentDir)) {
    const { page, problems: found } = parsePage(file);
    problems.push(...found);
    if (!page) continue;
    pages.push(page);
    for (const token of markdown.parse(page.body, {})) {
      if (token.type !== "data_block" || blockNames.includes(token.info)) continue;
      const guess = didYouMean(token.info, blockNames);
      problems.push(
        problem(file, page.bodyLineOffset + (token.map?.[0] ?? 0) + 1, `there is no data block called "${token.info}"`, guess ? `did you mean "{{ ${guess} }}"?` : `use one of: ${blockNames.join(", ")}`),
      );
    }
  }
  return { pages, problems };
}
