import { startOf } from "../problems/problems.ts";
import { decodedAddress, maxAddress } from "../schema/patterns.ts";
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
  | { kind: "malformed"; reason: string; fix: string };

/** An address's length in characters as written, when it is more than an address may have. */
function tooLongAddress(href: string): number | undefined {
  if (href.length <= maxAddress) return undefined;
  const length = [...sourceForm(href)].length;
  return length > maxAddress ? length : undefined;
}

/** What an address in a page points at, read against the page's own address. */
export function resolveUrl(href: string, pageUrl: string): ResolvedUrl {
  const fullAddress = "write the full address, such as https://example.gov/page or /about/";
  // Counted as the editor wrote it: markdown-it writes a letter beyond a-z as up to 12 characters of %-codes.
  const length = tooLongAddress(href);
  if (length) return { kind: "malformed", reason: `it is ${length.toLocaleString("en-US")} characters long, more than the ${maxAddress.toLocaleString("en-US")} an address may have`, fix: "link to a shorter address" };
  if (/\s|%20/i.test(href)) return { kind: "malformed", reason: "it has a space in it", fix: "use an address without spaces: rename the page or file with hyphens, such as getting-started" };
  if (/^(https?\/\/|https?:\/(?!\/)|www\.)/i.test(href)) return { kind: "malformed", reason: "it looks like a web address missing part of its https://", fix: fullAddress };
  let url: URL;
  try {
    url = new URL(href, localOrigin + pageUrl);
  } catch {
    return { kind: "malformed", reason: "it is not a valid address", fix: fullAddress };
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
  for (const { token, index, line, block, blockEnd } of inlineTokens(page.tokens)) {
    if (token.type === "link_open") {
      link = { url: String(token.attrGet("href") ?? ""), markup: token.markup, text: textBetween(block.children!, index, "link_close") };
    } else if (token.type === "link_close" && link) {
      // A link's address is written after its words, and after any image among them: it is looked for once they are found.
      found.push({ kind: "link", text: link.text, ...inMarkdown.ofAddress(line, blockEnd, link.url, link.markup === "autolink"), fromHtml: false });
      link = undefined;
    } else if (token.type === "image") {
      found.push({ kind: "image", text: token.content, ...inMarkdown.ofAddress(line, blockEnd, String(token.attrGet("src") ?? ""), false), fromHtml: false });
    }
  }
  // Links and images written as raw HTML; Markdown's own were found above, from its tokens.
  const inHtml = placesInTurn(page);
  for (const element of elements) {
    if (!element.raw) continue;
    const url = element.tag === "a" ? element.attribute("href") : element.tag === "img" ? (element.attribute("src") ?? "") : undefined;
    if (url === undefined) continue;
    const { line, column } = inHtml.ofText(element.line, element.opening);
    found.push({ kind: element.tag === "a" ? "link" : "image", url, written: url, text: element.tag === "a" ? element.text().trim() : element.attribute("alt"), line, column, fromHtml: true });
  }
  // An address too long to use is shown by its start: the problem is its length, and quoting it whole would bury the message.
  return found.map((ref) => ({ ...ref, written: tooLongAddress(ref.url) ? startOf(ref.written) : ref.written, resolved: resolveUrl(ref.url, page.url) }));
}

/** Where a link, an image or a text is written: the 1-based line and column, and the text found there. */
interface Place {
  line: number;
  column?: number;
  written?: string;
}

/** How many "](" past the last one taken a link is looked for at: a few, for a "](" written as text or in code. */
const lookAhead = 8;

/**
 * Finds a page's links and images in the order they are written, each at its own place, so that an address
 * written twice on a line is said at each: an inline link's or image's address follows its "](" (after spaces or
 * a "<"), and the "](" of a line are taken in turn; other text is looked for after the last place found on its
 * line. What is not found so (a reference link, whose address is written below) is said at the first place its
 * address is written in its block.
 */
function placesInTurn(page: PageSource) {
  // The line being read: where its "](" are, how many the links found so far have taken, and where the last ended.
  let current = { line: -1, opens: [] as number[], taken: 0, end: 0 };
  const onLine = (line: number) => {
    if (current.line !== line) current = { line, opens: Array.from(page.lines[line]?.matchAll(/\]\(/g) ?? [], (m) => m.index), taken: 0, end: 0 };
    return current;
  };
  const afterOpen = (line: number, forms: readonly string[]): Place | undefined => {
    const state = onLine(line);
    const text = page.lines[line] ?? "";
    for (let k = state.taken; k < Math.min(state.opens.length, state.taken + lookAhead); k++) {
      let at = state.opens[k]! + 2;
      while (text[at] === " " || text[at] === "\t") at++;
      if (text[at] === "<") at++;
      // The whole address, not the start of a longer one: a ")", a space before its title, or the ">" closing it follows.
      const form = forms.find((candidate) => text.startsWith(candidate, at) && /^([)\s>]|$)/.test(text.slice(at + candidate.length, at + candidate.length + 1)));
      if (form === undefined) continue;
      state.taken = k + 1;
      state.end = at + form.length;
      return { line: line + 1, column: at + 1, written: form };
    }
    return undefined;
  };
  const afterLast = (line: number, text: string, at = 0): Place | undefined => {
    const state = onLine(line);
    const index = page.lines[line]?.indexOf(text, state.end) ?? -1;
    if (index < 0) return undefined;
    state.end = index + text.length;
    return { line: line + 1, column: index + at + 1, written: text.slice(at) };
  };
  const firstInBlock = (from: number, to: number, forms: readonly string[]): Place => {
    for (let line = from; line < Math.max(to, from + 1); line++) {
      const places = forms.map((form) => ({ form, index: page.lines[line]?.indexOf(form) ?? -1 })).filter(({ index }) => index >= 0);
      const first = places.sort((a, b) => a.index - b.index)[0];
      if (first) return { line: line + 1, column: first.index + 1, written: first.form };
    }
    return { line: from + 1 };
  };
  return {
    /**
     * A Markdown link's or image's place, and its address as written there: markdown-it escapes what the editor
     * wrote unescaped (/año/ is /a%C3%B1o/) and keeps escapes written, so either may be in the file.
     */
    ofAddress(bodyLine: number, blockEnd: number, url: string, autolink: boolean) {
      const line = page.bodyLineOffset + bodyLine;
      const forms = [...new Set([sourceForm(url), url])];
      let where: Place | undefined;
      if (autolink) for (const form of forms) where ??= afterLast(line, `<${form}`, 1);
      else where = afterOpen(line, forms);
      where ??= firstInBlock(line, page.bodyLineOffset + blockEnd, url ? forms : []);
      return { url, written: where.written ?? sourceForm(url), line: where.line, column: where.column };
    },
    /** Where a text, such as a raw HTML element's opening tag, is written: after the last found on its line, or first. */
    ofText(bodyLine: number, text: string) {
      const line = page.bodyLineOffset + bodyLine;
      return afterLast(line, text) ?? firstInBlock(line, line + 1, [text]);
    },
  };
}
