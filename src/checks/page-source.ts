import type { Token } from "markdown-it";
import type { RenderedBody } from "../markdown/render-lines.ts";
import { parseYaml } from "../model/yaml-source.ts";
import type { PageFrontMatter } from "../schema/page.ts";

/** A page's text and address, as every check sees it. */
export interface PageText {
  file: string;
  /** Every line of the file, front matter included, for line and column lookups. */
  lines: string[];
  /** Front matter, when it was valid. */
  data?: PageFrontMatter;
  /** The address the page is published at. */
  url: string;
  /** The body as HTML, with the line each part came from. */
  rendered: RenderedBody;
  /** Lines of the file before the Markdown body. */
  bodyLineOffset: number;
}

/** A page as the checks of that page alone see it: its text, and its Markdown tokens (which carry their lines). */
export interface PageSource extends PageText {
  tokens: Token[];
}

/**
 * A page as the checks across pages see it, once its own checks are done: its tokens let go (they were most of a
 * large site's memory), the ids its sections can be linked by kept.
 */
export interface PageOutline extends PageText {
  /** The ids of its headings, in order. */
  sections: string[];
  /** Whether it shows a table of contents (whose heading has an id of its own). */
  toc: boolean;
}

/**
 * Where a piece of text sits in the file: the 1-based line, and the column where `needle` starts on it, looking on
 * the first line from column `from` (0-based), past what an earlier search on it found.
 */
export function locate(page: PageText, bodyLine: number, needle?: string, searchLines = 1, from = 0): { line: number; column?: number } {
  const first = page.bodyLineOffset + bodyLine;
  if (needle) {
    for (let i = 0; i < searchLines; i++) {
      const index = page.lines[first + i]?.indexOf(needle, i === 0 ? from : 0) ?? -1;
      if (index >= 0) return { line: first + i + 1, column: index + 1 };
    }
  }
  return { line: first + 1 };
}

/** The line of a front matter field, such as `draft:` (line 1 when the field is not written). */
export function fieldLine(page: PageText, key: string): number {
  return Math.max(1, page.lines.findIndex((line) => line.startsWith(`${key}:`)) + 1);
}

/** The line of each entry of a front matter list, such as each old address in redirect_from, as YAML reads them. */
export function entryLines(page: PageText, key: string): number[] {
  const closing = page.lines.findIndex((line, i) => i > 0 && /^---[ \t]*\r?$/.test(line));
  // Line n of this text is line n of the file: the opening "---" is left as an empty first line.
  const source = parseYaml(["", ...page.lines.slice(1, closing)].join("\n"));
  const list = (source.value as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? list.map((_, i) => source.position([key, i]).line) : [];
}

export interface InlineItem {
  token: Token;
  /** Its place among the block's children. */
  index: number;
  /** 0-based line within the body. */
  line: number;
  /** The block the item is in. */
  block: Token;
  /** The body line after the block's last, to search no further. */
  blockEnd: number;
}

/**
 * Every inline token of the page with the body line it is on (markdown-it gives lines to blocks only, and none to
 * a table's cells: theirs are their row's).
 */
export function* inlineTokens(tokens: readonly Token[]): Generator<InlineItem> {
  let map: [number, number] | null = null;
  for (const block of tokens) {
    map = block.map ?? map;
    if (block.type !== "inline" || !block.children || !map) continue;
    let line = map[0];
    for (let index = 0; index < block.children.length; index++) {
      const token = block.children[index]!;
      yield { token, index, line, block, blockEnd: map[1] };
      if (token.type === "softbreak" || token.type === "hardbreak") line++;
      else if (token.type === "text" || token.type === "html_inline") line += token.content.split("\n").length - 1;
    }
  }
}

/** The text of an inline range, such as the words of a link. */
export function textBetween(children: readonly Token[], start: number, closeType: string): string {
  let text = "";
  for (let i = start + 1; i < children.length && children[i]!.type !== closeType; i++) {
    const child = children[i]!;
    if (child.type === "text" || child.type === "code_inline") text += child.content;
    if (child.type === "image") text += child.content;
  }
  return text;
}
