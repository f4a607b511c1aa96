import { decodedAddress } from "../schema/patterns.ts";
import type { BodyElement } from "./html.ts";
import { inlineTokens, textBetween, type PageSource } from "./page-source.ts";

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
  const inMarkdown = placesInTurn(page);
  let link: { url: string; markup: string; text: string } | undefined;
  for (const { token, index, line, block, lines } of inlineTokens(page.tokens)) {
    if (token.type === "link_open") {
      link = { url: String(token.attrGet("href") ?? ""), markup: token.markup, text: textBetween(block.children!, index, "link_close") };
    } else if (token.type === "link_close" && link) {
      // A link's address is written after its words, and after any image among them: it is looked for once they are found.
      found.push({ kind: "link", text: link.text, ...inMarkdown.ofAddress(line, lines, link.url, link.markup), fromHtml: false });
      link = undefined;
    } else if (token.type === "image") {
      found.push({ kind: "image", text: token.content, ...inMarkdown.ofAddress(line, lines, String(token.attrGet("src") ?? ""), "image"), fromHtml: false });
    }
  }
  // Links and images written as raw HTML; Markdown's own were found above, from its tokens.
  const inHtml = placesInTurn(page);
  for (const element of elements) {
    if (!element.raw) continue;
    const url = element.tag === "a" ? element.attribute("href") : element.tag === "img" ? (element.attribute("src") ?? "") : undefined;
    if (url === undefined) continue;
    const opening = [{ text: element.opening, at: 0 }];
    const { line, column } = inHtml.of(element.line, 1, opening, opening);
    found.push({ kind: element.tag === "a" ? "link" : "image", url, written: url, text: element.tag === "a" ? element.text().trim() : element.attribute("alt"), line, column, fromHtml: true });
  }
  return found.map((ref) => ({ ...ref, resolved: resolveUrl(ref.url, page.url) }));
}

/** A way an address may be written: the `text` to look for, the address starting `at` characters into it. */
interface Needle {
  text: string;
  at: number;
}

/**
 * Finds a page's links and images in the order they are written: each search on a line starts where the last
 * one found there ends, so that an address written twice on a line is said at each place. What is not found
 * after it (a reference link, whose address is written on another line) is looked for from the start instead.
 */
function placesInTurn(page: PageSource) {
  let last = { line: -1, end: 0 };
  const indexOf = rememberedIndexOf(page);
  const of = (bodyLine: number, lines: number, needles: readonly Needle[], otherwise: readonly Needle[]): { line: number; column?: number; written?: string } => {
    const first = page.bodyLineOffset + bodyLine;
    for (const [tried, inOrder] of [[needles, true], [otherwise, false]] as const) {
      for (let line = first; line < first + Math.max(lines, 1); line++) {
        const from = inOrder && line === last.line ? last.end : 0;
        let best: { index: number; needle: Needle } | undefined;
        for (const needle of tried) {
          const index = indexOf(line, needle.text, from);
          if (index >= 0 && (!best || index < best.index)) best = { index, needle };
        }
        if (!best) continue;
        if (inOrder) last = { line, end: best.index + best.needle.text.length };
        return { line: line + 1, column: best.index + best.needle.at + 1, written: best.needle.text.slice(best.needle.at) };
      }
    }
    return { line: first + 1 };
  };
  /**
   * A Markdown link's or image's place, and its address as written there. markdown-it escapes what the editor
   * wrote unescaped (/año/ is /a%C3%B1o/) and keeps escapes written, so either may be in the file: after the "]("
   * of an inline link (not in its words or title), inside an autolink's <>, or bare where markdown-it found a web
   * address in the text.
   */
  const ofAddress = (bodyLine: number, lines: number, url: string, markup: string) => {
    if (!url) return { url, written: "", ...of(bodyLine, lines, [{ text: markup === "image" ? "![" : "](", at: 0 }], []) };
    const forms = [...new Set([sourceForm(url), url])];
    const before = markup === "autolink" ? ["<"] : markup === "linkify" ? [""] : ["](", "](<"];
    const needles = forms.flatMap((form) => before.map((prefix) => ({ text: prefix + form, at: prefix.length })));
    const { written, ...where } = of(bodyLine, lines, needles, forms.map((form) => ({ text: form, at: 0 })));
    return { url, written: written ?? sourceForm(url), ...where };
  };
  return { of, ofAddress };
}

/**
 * indexOf on the page's lines, each answer remembered: as the search moves along a line, a text not found on the
 * rest of it is not looked for again, and a page of many links is read in one pass, not once a link.
 */
function rememberedIndexOf(page: PageSource) {
  const known = new Map<string, { from: number; index: number }>();
  return (line: number, text: string, from: number): number => {
    const key = `${line}\n${text}`;
    const seen = known.get(key);
    if (seen && seen.from <= from && (seen.index === -1 || seen.index >= from)) return seen.index;
    const index = page.lines[line]?.indexOf(text, from) ?? -1;
    known.set(key, { from, index });
    return index;
  };
}
