import { decodedAddress } from "../schema/patterns.ts";
import type { BodyElement } from "./html.ts";
import { inlineTokens, locate, textBetween, type PageSource } from "./page-source.ts";

/** A link or an image a page makes, from Markdown or from raw HTML, with where it is written. */
export interface Reference {
  kind: "link" | "image";
  url: string;
  /** What the address points at, read against the page's own address once, with the page's other checks. */
  resolved: ResolvedUrl;
  /** The link's words, or the image's alt text (undefined when an HTML image has no alt attribute). */
  text: string | undefined;
  /** The address as the editor wrote it, for messages: with its escapes if written with them. */
  written: string;
  line: number;
  column?: number;
  fromHtml: boolean;
}

const localOrigin = "https://site.invalid";

export type ResolvedUrl =
  | { kind: "internal"; path: string; hash: string }
  | { kind: "external"; url: URL }
  | { kind: "other"; scheme: string }
  | { kind: "malformed"; reason: string };

/** What an address in a page points at, read against the page's own address. */
export function resolveUrl(href: string, pageUrl: string): ResolvedUrl {
  if (/\s|%20/i.test(href)) return { kind: "malformed", reason: "it has a space in it" };
  if (/^(https?\/\/|https?:\/(?!\/)|www\.)/i.test(href)) return { kind: "malformed", reason: "it looks like a web address missing part of its https://" };
  let url: URL;
  try {
    url = new URL(href, localOrigin + pageUrl);
  } catch {
    return { kind: "malformed", reason: "it is not a valid address" };
  }
  if (url.origin === localOrigin) return { kind: "internal", path: url.pathname, hash: sourceForm(url.hash.slice(1)) };
  if (url.protocol === "http:" || url.protocol === "https:") return { kind: "external", url };
  return { kind: "other", scheme: url.protocol };
}

/** markdown-it percent-encodes addresses; the editor wrote them decoded (a malformed escape stays as written). */
export const sourceForm = decodedAddress;

/** Every link and image of the page. The permalinks markdown-it-anchor adds after headings are left out. */
export function references(page: PageSource, elements: readonly BodyElement[]): Reference[] {
  const found: Omit<Reference, "resolved">[] = [];
  const inMarkdown = inTurn(page);
  for (const { token, line, block } of inlineTokens(page.tokens)) {
    const lines = (block.map?.[1] ?? 0) - (block.map?.[0] ?? 0);
    const url = (token.type === "link_open" ? token.attrGet("href") : token.type === "image" ? token.attrGet("src") : undefined)?.toString();
    if (url === undefined) continue;
    // markdown-it escapes what the editor wrote unescaped (/año/ is /a%C3%B1o/) and keeps escapes written: either may be in the file.
    const where = inMarkdown(line, url ? [url, sourceForm(url)] : [token.type === "image" ? "![" : "]("], lines);
    const ref = { url, written: url && (where.found ?? sourceForm(url)), line: where.line, column: where.column, fromHtml: false };
    if (token.type === "link_open") {
      const children = block.children ?? [];
      found.push({ kind: "link", text: textBetween(children, children.indexOf(token), "link_close"), ...ref });
    } else found.push({ kind: "image", text: token.content, ...ref });
  }
  // Links and images written as raw HTML; Markdown's own were found above, from its tokens.
  const inHtml = inTurn(page);
  for (const element of elements) {
    if (!element.raw) continue;
    const url = element.tag === "a" ? element.attribute("href") : element.tag === "img" ? (element.attribute("src") ?? "") : undefined;
    if (url === undefined) continue;
    const { line, column } = inHtml(element.line, [element.opening]);
    found.push({ kind: element.tag === "a" ? "link" : "image", url, written: url, text: element.tag === "a" ? element.text().trim() : element.attribute("alt"), line, column, fromHtml: true });
  }
  return found.map((ref) => ({ ...ref, resolved: resolveUrl(ref.url, page.url) }));
}

/**
 * Finds a page's links in the order they come: each search on a line starts after what the last one found there,
 * so that an address written twice on a line is said at each place, not twice at the first.
 */
function inTurn(page: PageSource) {
  let last = { line: 0, column: 0 };
  return (bodyLine: number, needles: readonly string[], lines = 1) => {
    const first = page.bodyLineOffset + bodyLine + 1;
    const where = locate(page, bodyLine, needles, lines, last.line === first ? last.column : 0);
    if (where.column) last = { line: where.line, column: where.column };
    return where;
  };
}
