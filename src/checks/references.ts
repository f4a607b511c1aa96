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
  // Links and images written as raw HTML; Markdown's own were found above, from its tokens.
  for (const element of elements) {
    if (!element.raw) continue;
    const where = locate(page, element.line, element.opening);
    if (element.tag === "a" && element.attribute("href") !== undefined) {
      found.push({ kind: "link", url: element.attribute("href")!, text: element.text().trim(), ...where, fromHtml: true });
    } else if (element.tag === "img") {
      found.push({ kind: "image", url: element.attribute("src") ?? "", text: element.attribute("alt"), ...where, fromHtml: true });
    }
  }
  return found.map((ref) => ({ ...ref, resolved: resolveUrl(ref.url, page.url) }));
}
