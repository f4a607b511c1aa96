import { problem, type Problem } from "../problems/problems.ts";
import { didYouMean } from "../problems/suggest.ts";
import { locate, type PageSource } from "./page-source.ts";
import { blockArguments } from "../markdown/blocks.ts";
import { blockArgument } from "../markdown/data-blocks.ts";

/**
 * Data blocks (`{{ agencies }}`) name blocks that exist, with a name after a colon only for those that take one, and
 * each is shown once on a page: a data file's list repeated a thousand times would make a page of megabytes.
 */
export function checkDataBlocks(page: PageSource, blockNames: readonly string[]): Problem[] {
  const shownAt = new Map<string, number>();
  return page.tokens.flatMap((token) => {
    if (token.type !== "data_block") return [];
    const line = page.bodyLineOffset + (token.map?.[0] ?? 0) + 1;
    if (!blockNames.includes(token.info)) {
      const guess = didYouMean(token.info, blockNames);
      return [problem(page.file, line, `there is no data block called "${token.info}"`, guess ? `did you mean "{{ ${guess} }}"?` : `use one of: ${blockNames.join(", ")}`)];
    }
    const argument = (token.meta as { argument?: string }).argument;
    if (argument !== undefined && !Object.hasOwn(blockArguments, token.info)) return [problem(page.file, line, `{{ ${token.info} }} takes nothing after a colon, so "${argument}" would be left out`, `write {{ ${token.info} }}`)];
    const block = `{{ ${token.info}${argument === undefined ? "" : `: ${argument}`} }}`;
    const first = shownAt.get(block);
    if (first !== undefined) return [problem(page.file, line, `${block} is on this page already, on line ${first}`, "show it once: remove this one, or link to the first with its section's address")];
    shownAt.set(block, line);
    return [];
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
    const text = withoutCodeSpans(token.content);
    // Lines are counted on from the last match, not from the start: a paragraph may hold thousands of matches.
    // So is each column looked for past the last one found on its line.
    let [counted, bodyLine, from] = [0, token.map[0], 0];
    for (const match of text.matchAll(templateLike)) {
      const written = match[0].trim();
      for (let i = text.indexOf("\n", counted); i !== -1 && i < match.index; i = text.indexOf("\n", i + 1)) [bodyLine, from] = [bodyLine + 1, 0];
      counted = match.index;
      const { line, column } = locate(page, bodyLine, written, 1, from);
      if (column) from = column - 1 + written.length;
      const shown = `"${written}" is shown on the page as it is written`;
      if (written.startsWith("{%")) {
        problems.push(problem(page.file, line, `${shown}: pages cannot use template tags ({% … %})`, "remove it; a list kept in a data file is shown with a line of its own such as {{ agencies }}", "error", column));
        continue;
      }
      // The block's name, and all after its first colon.
      const [name = "", argument] = /^([^:]*)(?::(.*))?$/s.exec(written.replace(/^\{\{|\}\}$/g, ""))!.slice(1).map((part) => part?.trim().toLowerCase());
      const known = blockNames.includes(name) ? name : didYouMean(name, blockNames);
      const block = known ? `{{ ${known}${argument ? `: ${argument}` : ""} }}` : undefined;
      if (known && argument !== undefined && !blockArgument.test(argument)) {
        const what = argument ? `"${argument}" is not a name a data block takes` : "no name follows its colon";
        problems.push(problem(page.file, line, `${shown}, not as a data block: ${what}`, `write the name as its data file has it, in small letters, digits and hyphens, such as {{ ${known}: a-name }}`, "error", column));
        continue;
      }
      const why = written.endsWith("}}") ? "a data block is written in small letters, on a line of its own" : "it is never closed with }}";
      problems.push(problem(page.file, line, `${shown}, not as a data block: ${why}`, block ? `write ${block} on a line of its own, with an empty line before and after` : `remove it, or use one of: ${blockNames.join(", ")}`, "error", column));
    }
  }
  return problems;
}

/**
 * The text with each code span blanked out, as CommonMark finds them: a run of backticks opens one, and the next run
 * of the same length closes it. Each run is looked at once, so a line of 200,000 backticks takes no longer than its
 * reading; a regular expression with a back-reference takes minutes.
 */
function withoutCodeSpans(text: string): string {
  const runs = [...text.matchAll(/`+/g)].map((match) => ({ at: match.index, length: match[0].length }));
  const byLength = new Map<number, number[]>();
  runs.forEach((run, i) => {
    if (!byLength.has(run.length)) byLength.set(run.length, []);
    byLength.get(run.length)!.push(i);
  });
  const taken = new Map<number, number>(); // for each length, how many of its runs are behind us
  let masked = "";
  let from = 0;
  for (let i = 0; i < runs.length; i++) {
    const { at, length } = runs[i]!;
    const same = byLength.get(length)!;
    let next = taken.get(length) ?? 0;
    while (next < same.length && same[next]! <= i) next++;
    taken.set(length, next);
    const closing = same[next];
    if (closing === undefined) continue;
    const end = runs[closing]!.at + length;
    masked += text.slice(from, at) + " ".repeat(end - at);
    from = end;
    i = closing;
  }
  return masked + text.slice(from);
}
