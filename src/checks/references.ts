import { parse, type HTMLElement } from "node-html-parser";
import { inlineTokens, locate, textBetween, type PageSource } from "./page-source.ts";

/** A link or an image a page makes, from Markdown or from raw HTML, with where it is written. */
export interface Reference {
  kind: "link" | "image";
  url: string;
  /** The link's words, or the image's alt text (undefined when an HTML image has no alt attribute). */
  text: string | undefined;
  line: number;
  column?: number;
  fromHtml: boolean;
}

/** An element of raw HTML written in a page. */
export interface HtmlElement {
  element: HTMLElement;
  line: number;
  column?: number;
}

/** Every element of every raw HTML snippet in the page, with its line (generated snippets, like the table of contents, excluded). */
export function htmlElements(page: PageSource): HtmlElement[] {
  const found: HtmlElement[] = [];
  const addFrom = (content: string, bodyLine: number, inline: boolean) => {
    for (const element of parse(content, { comment: false }).querySelectorAll("*")) {
      if (!element.rawTagName) continue;
      // The element's own offset in the snippet gives its line; inline snippets are found on their line.
      const before = content.slice(0, element.range[0]);
      const lineInSnippet = before.split("\n").length - 1;
      const opening = content.slice(element.range[0]).split(">")[0]!;
      found.push({ element, ...locate(page, bodyLine + lineInSnippet, inline ? content : opening) });
    }
  };
  for (const token of page.tokens) {
    if (token.type === "html_block" && token.map && !token.meta?.generated) addFrom(token.content, token.map[0], false);
  }
  for (const { token, line } of inlineTokens(page.tokens)) {
    if (token.type === "html_inline" && !token.meta?.isPermalinkSymbol) addFrom(token.content, line, true);
  }
  return found;
}

/** markdown-it percent-encodes addresses; the editor wrote them decoded (a malformed escape stays as written). */
export function sourceForm(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** Every link and image of the page. The permalinks markdown-it-anchor adds after headings are left out. */
export function references(page: PageSource, elements: readonly HtmlElement[]): Reference[] {
  const found: Reference[] = [];
  for (const { token, line, block } of inlineTokens(page.tokens)) {
    const lines = (block.map?.[1] ?? 0) - (block.map?.[0] ?? 0);
    if (token.type === "link_open") {
      const url = token.attrGet("href")?.toString() ?? "";
      const children = block.children ?? [];
      found.push({ kind: "link", url, text: textBetween(children, children.indexOf(token), "link_close"), ...locate(page, line, sourceForm(url) || "](", lines), fromHtml: false });
    } else if (token.type === "image") {
      const url = token.attrGet("src")?.toString() ?? "";
      found.push({ kind: "image", url, text: token.content, ...locate(page, line, sourceForm(url) || "![", lines), fromHtml: false });
    }
  }
  for (const { element, line, column } of elements) {
    const tag = element.rawTagName.toLowerCase();
    if (tag === "a" && element.hasAttribute("href")) {
      found.push({ kind: "link", url: element.getAttribute("href") ?? "", text: element.textContent.trim(), line, column, fromHtml: true });
    } else if (tag === "img") {
      found.push({ kind: "image", url: element.getAttribute("src") ?? "", text: element.getAttribute("alt"), line, column, fromHtml: true });
    }
  }
  return found;
}
