import type { MarkdownIt, Token } from "markdown-it";
import { messageOf } from "../problems/problems.ts";

/** Where the HTML made from one line of the page's body begins. */
export interface LineMark {
  /** Offset in the rendered HTML. */
  offset: number;
  /** 0-based line of the body. */
  line: number;
  /** The HTML from here to the next mark was written by the editor as raw HTML, not made from Markdown. */
  raw: boolean;
}

/** A page's body as HTML, with the body line each part of it came from. */
export interface RenderedBody {
  html: string;
  marks: LineMark[];
  /** Data blocks that could not be drawn (a role that does not exist), at their lines. */
  failures: { line: number; message: string }[];
}

const rawTypes = new Set(["html_block", "html_inline"]);

/**
 * Renders tokens exactly as markdown-it's renderer does, noting the body line every token's HTML came from, so
 * that what is found in the HTML can be reported where the editor wrote it.
 */
export function renderWithLines(md: MarkdownIt, tokens: readonly Token[], env: object = {}): RenderedBody {
  const { renderer, options } = md;
  const marks: LineMark[] = [];
  const failures: RenderedBody["failures"] = [];
  let html = "";
  let line = 0;
  const renderOne = (list: Token[], i: number) => {
    const token = list[i]!;
    marks.push({ offset: html.length, line, raw: rawTypes.has(token.type) && !token.meta?.generated && !token.meta?.isPermalinkSymbol });
    const rule = renderer.rules[token.type];
    try {
      html += rule ? rule(list, i, options, env, renderer) : renderer.renderToken(list, i, options);
    } catch (error) {
      failures.push({ line, message: messageOf(error) });
    }
  };
  const list = tokens as Token[];
  for (let i = 0; i < list.length; i++) {
    const block = list[i]!;
    if (block.map) line = block.map[0];
    if (block.type !== "inline") {
      renderOne(list, i);
      continue;
    }
    const children = block.children ?? [];
    for (let j = 0; j < children.length; j++) {
      renderOne(children, j);
      const child = children[j]!;
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      else if (child.type === "text" || child.type === "html_inline") line += child.content.split("\n").length - 1;
    }
  }
  return { html, marks, failures };
}

/** The mark an offset of the rendered HTML falls under. */
export function markAt(marks: readonly LineMark[], offset: number): LineMark | undefined {
  let low = 0;
  let high = marks.length - 1;
  let found: LineMark | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (marks[middle]!.offset <= offset) {
      found = marks[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
