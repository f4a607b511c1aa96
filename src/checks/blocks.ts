import { problem, type Problem } from "../problems/problems.ts";
import { didYouMean } from "../problems/suggest.ts";
import { locate, type PageSource } from "./page-source.ts";

/** Data blocks (`{{ agencies }}`) name blocks that exist. */
export function checkDataBlocks(page: PageSource, blockNames: readonly string[]): Problem[] {
  return page.tokens
    .filter((token) => token.type === "data_block" && !blockNames.includes(token.info))
    .map((token) => {
      const guess = didYouMean(token.info, blockNames);
      return problem(
        page.file,
        page.bodyLineOffset + (token.map?.[0] ?? 0) + 1,
        `there is no data block called "${token.info}"`,
        guess ? `did you mean "{{ ${guess} }}"?` : `use one of: ${blockNames.join(", ")}`,
      );
    });
}

/** `{{ … }}` or `{% … %}` in a page's text, to the end of the line when it is never closed. */
const templateLike = /\{%.*?(?:%\}|$)|\{\{.*?(?:\}\}|$)/gm;

/**
 * `{{ Agencies }}`, `{{ agencies` or `{{ members }}` within a sentence is not a data block, and `{% … %}` is no tag
 * pages have: each would be published as it is written, braces and all. (Code spans are left alone: they show code.)
 */
export function checkLiteralTemplates(page: PageSource, blockNames: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  for (const token of page.tokens) {
    if (token.type !== "inline" || !token.map) continue;
    const text = token.content.replace(/(`+)[\s\S]*?\1/g, (code) => " ".repeat(code.length));
    for (const match of text.matchAll(templateLike)) {
      const written = match[0].trim();
      const bodyLine = token.map[0] + (text.slice(0, match.index).match(/\n/g)?.length ?? 0);
      const { line, column } = locate(page, bodyLine, written);
      const shown = `"${written}" is shown on the page as it is written`;
      if (written.startsWith("{%")) {
        problems.push(problem(page.file, line, `${shown}: pages cannot use template tags ({% … %})`, "remove it; a list kept in a data file is shown with a line of its own such as {{ agencies }}", "error", column));
        continue;
      }
      const [name = "", argument] = written.replace(/^\{\{|\}\}$/g, "").split(":").map((part) => part.trim().toLowerCase());
      const known = blockNames.includes(name) ? name : didYouMean(name, blockNames);
      const block = known ? `{{ ${known}${argument ? `: ${argument}` : ""} }}` : undefined;
      const why = written.endsWith("}}") ? "a data block is written in small letters, on a line of its own" : "it is never closed with }}";
      problems.push(problem(page.file, line, `${shown}, not as a data block: ${why}`, block ? `write ${block} on a line of its own, with an empty line before and after` : `remove it, or use one of: ${blockNames.join(", ")}`, "error", column));
    }
  }
  return problems;
}
