import { problem, type Problem } from "../problems/problems.ts";
import { locate, type PageSource } from "./page-source.ts";

/**
 * Markdown that does not do what it looks like, and so publishes something other than what the editor sees in
 * their file: a page with no text is blank, `##Heading` without its space and a table whose second line does not
 * match its first are plain text, and a cell past a table's last column is dropped. (A comment never closed, which
 * hides the rest of the page, is a fault of its HTML: raw-html.ts names it.)
 */
export function checkMarkup(page: PageSource): Problem[] {
  const problems: Problem[] = [];
  // The home layout draws its own lists; any other page with nothing below its front matter is published blank.
  if (page.data && !page.data.draft && page.data.layout !== "home" && page.tokens.length === 0) {
    problems.push(problem(page.file, Math.max(1, page.bodyLineOffset), "this page has no text below its front matter, so it would be published empty", 'write the page\'s text after the second "---" line, or add draft: true until it is written'));
  }
  for (const token of page.tokens) {
    if (!token.map) continue;
    if (token.type === "table_open") problems.push(...rowsTooWide(page, token.map));
    if (token.type === "inline" && token.content.includes("\n")) {
      const [first = "", second = ""] = token.content.split("\n");
      if (first.includes("|") && second.includes("|") && delimiterRow.test(second)) {
        const [columns, marks] = [cellCount(first), cellCount(second)];
        problems.push(problem(page.file, page.bodyLineOffset + token.map[0] + 1, `this table is shown as plain text: its first row has ${columns} columns, but the line under it has ${marks}`, `give the line under the first row one --- for each column: ${"| --- ".repeat(columns)}|`));
      }
    }
    if (token.type === "inline") {
      token.content.split("\n").forEach((text, i) => {
        const heading = /^(#{2,6})([^#\s].*)$/.exec(text);
        if (!heading) return;
        const { line, column } = locate(page, token.map![0] + i, text);
        problems.push(problem(page.file, line, `"${text}" is not a heading: it needs a space after its # signs, so it shows as plain text`, `write it as "${heading[1]} ${heading[2]}"`, "error", column));
      });
    }
  }
  return problems;
}

/** The line under a table's first row: | --- | :---: |. */
const delimiterRow = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** How many cells a table row has: its | that are not escaped, less the ones at either end. */
const cellCount = (row: string) => row.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "").split(/(?<!\\)\|/).length;

/** A row with more cells than the table has columns: Markdown drops the cells past the last column, unseen. */
function rowsTooWide(page: PageSource, map: [number, number]): Problem[] {
  const columns = cellCount(page.lines[page.bodyLineOffset + map[0]] ?? "");
  const problems: Problem[] = [];
  for (let row = map[0] + 2; row < map[1]; row++) {
    const cells = cellCount(page.lines[page.bodyLineOffset + row] ?? "");
    if (cells <= columns) continue;
    const extra = cells - columns;
    problems.push(problem(page.file, page.bodyLineOffset + row + 1, `this row has ${cells} cells, but the table has ${columns} columns, so the last ${extra === 1 ? "one is" : `${extra} are`} not shown`, "add a column to the first row and to the line under it, or remove the extra cell"));
  }
  return problems;
}
