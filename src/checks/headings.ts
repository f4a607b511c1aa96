import { problem, type Problem } from "../problems/problems.ts";
import type { PageSource } from "./page-source.ts";

/** Headings: the page's title is its only h1, and sections go down one level at a time. */
export function checkHeadings(page: PageSource): Problem[] {
  const problems: Problem[] = [];
  let previous = 1; // the layout's h1, the page's title
  for (const token of page.tokens) {
    if (token.type !== "heading_open" || !token.map) continue;
    const level = Number(token.tag.slice(1));
    const line = page.bodyLineOffset + token.map[0] + 1;
    if (level === 1) {
      problems.push(problem(page.file, line, "a second top-level heading (#): the page's title is already its heading", 'use "##" for a section, or change the title in the front matter'));
    } else if (level > previous + 1) {
      problems.push(problem(page.file, line, `the heading skips from level ${previous} to level ${level}`, `use ${"#".repeat(previous + 1)} here, so readers of the page's outline miss nothing`));
    }
    previous = level;
  }
  return problems;
}
