import path from "node:path";
import { closest } from "fastest-levenshtein";
import { append, problem, startOf, type Problem } from "../problems/problems.ts";
import { didYouMean } from "../problems/suggest.ts";
import { isOwnComputer, privateHost } from "../schema/private-addresses.ts";
import { inlineTokens, locate, type PageSource, type PageText } from "./page-source.ts";
import { sourceForm, type Reference } from "./references.ts";
import type { SiteIndex } from "./site-index.ts";

const allowedSchemes = new Set(["http:", "https:", "mailto:", "tel:"]);
const vagueWords = new Set(["click here", "here", "click", "read more", "more", "learn more", "link", "this link", "this page", "this", "go", "details"]);

const at = (page: PageText, ref: Reference, message: string, fix: string, severity: "error" | "warning" = "error") =>
  problem(page.file, ref.line, message, fix, severity, ref.column);

/** Links: to pages and headings that exist, in a valid form, over https, with words that say where they go. */
export function checkLinks(page: PageText, refs: readonly Reference[], index: SiteIndex): Problem[] {
  const problems: Problem[] = [];
  for (const ref of refs) {
    if (ref.kind !== "link") continue;
    const shown = ref.written || "(empty)";
    if (/^\s*(javascript|data|vbscript):/i.test(ref.url)) {
      problems.push(at(page, ref, `the link "${shown.slice(0, 60)}" runs code or embeds data`, "link to a page or a web address (https://…) instead"));
      continue;
    }
    const { resolved } = ref;
    // markdown-it escapes the brackets of an IPv6 host (http://[::1]:8080/), and no browser opens the address
    // then: read with its escapes undone, it may still be the editor's own computer, which is what they need to hear.
    const decoded = sourceForm(ref.url);
    const asWritten = resolved.kind === "external" ? resolved.url : resolved.kind === "malformed" && /^https?:\/\//i.test(decoded) && URL.canParse(decoded) ? new URL(decoded) : undefined;
    const host = asWritten && privateHost(asWritten);
    if (asWritten && host) {
      const own = isOwnComputer(host);
      problems.push(at(page, ref, `the link to ${shown} goes to ${own ? "your own computer" : "a computer on a private network"} (${host}), which readers cannot reach`, own ? `link to the page's address on the site instead, such as ${startOf(asWritten.pathname)}` : "link to its public address, or remove the link"));
      if (resolved.kind === "malformed") continue;
    } else if (resolved.kind === "malformed") {
      problems.push(at(page, ref, `the link address "${shown}" is malformed: ${resolved.reason}`, resolved.fix));
      continue;
    }
    if (resolved.kind === "other") {
      if (!allowedSchemes.has(resolved.scheme)) problems.push(at(page, ref, `the link "${shown}" uses "${resolved.scheme}", which a browser cannot open`, "link to a page, or to an https://, mailto: or tel: address"));
      continue;
    }
    if (resolved.kind === "external") {
      if (!host && resolved.url.protocol === "http:") {
        problems.push(at(page, ref, `the link to ${shown} is not secure (http://)`, `use https://${shown.slice("http://".length)} if the site supports it`, "warning"));
      }
    } else {
      append(problems, checkInternal(page, ref, resolved, index));
    }
    const words = (ref.text ?? "").trim();
    if (vagueWords.has(words.toLowerCase().replace(/[.!:]+$/, ""))) {
      problems.push(at(page, ref, `the link text "${words}" does not say where the link goes`, "use words that name the destination, such as the page's title", "warning"));
    } else if (words && /^(https?:\/\/|www\.)/i.test(words)) {
      problems.push(at(page, ref, `the link text is a bare address (${words})`, "use words that name the destination; screen readers read addresses letter by letter", "warning"));
    } else if (!words && !ref.fromHtml) {
      problems.push(at(page, ref, `the link to "${shown}" has no text`, "write the words of the link between the square brackets"));
    }
  }
  return problems;
}

/**
 * What looks like a link in text: `[words](address)`, the address with at most one level of parentheses in it, on
 * one line. No part of it can match what the next part matches, so a page of 100,000 "[" or "[a](" is read in
 * one pass, not once from each of them.
 */
const linkShape = /\[([^\][\n]+)\]\(([^()\n]*(?:\([^()\n]*\)[^()\n]*)*)\)/g;

/**
 * `[text](an address with spaces)` or `[text](javascript:…)` is not a link to markdown-it: it shows as plain
 * text, brackets and all, so the editor needs to hear why.
 */
export function checkUnparsedLinks(page: PageSource): Problem[] {
  const problems: Problem[] = [];
  // One report for the page, not one made for each piece of text it has.
  const report = (line: number, found: string, message: string, fix: string) => {
    const { line: fileLine, column } = locate(page, line, found);
    problems.push(problem(page.file, fileLine, message, fix, "error", column));
  };
  for (const { token, line } of inlineTokens(page.tokens)) {
    if (token.type !== "text") continue;
    for (const match of token.content.matchAll(linkShape)) {
      const written = match[0];
      const address = match[2]!;
      if (/^\s*file:/i.test(address)) {
        const image = token.content[match.index - 1] === "!";
        report(line, image ? `!${written}` : written, `"${image ? "!" : ""}${written}" points at a file on your own computer, which no reader can open, so it shows as plain text`, image ? "put the image in content/images/ and write its address so: /images/name.png" : "link to the file's web address (https://…), or write what it says on a page of its own");
      } else if (/^\s*(javascript|data|vbscript):/i.test(address)) {
        report(line, written, `the link "${address.trim()}" runs code or embeds data`, "link to a page or a web address (https://…) instead");
      } else if (/\S\s+\S/.test(address)) {
        if (token.content[match.index - 1] === "!") {
          const renamed = address.trim().toLowerCase().replace(/\s+/g, "-");
          report(line, `!${written}`, `"!${written}" is not an image: its address has a space in it, so it shows as plain text`, `rename the image file with hyphens instead of spaces, and write its address so: ${renamed}`);
        } else {
          report(line, written, `"${written}" is not a link: its address has a space in it, so it shows as plain text`, "use an address without spaces: rename the page or file with hyphens, such as technology-letter.pdf");
        }
      }
    }
  }
  return problems;
}

function checkInternal(page: PageText, ref: Reference, target: { path: string; hash: string }, index: SiteIndex): Problem[] {
  const isMarkdownFile = target.path.endsWith(".md");
  const { written } = ref;
  const targetPath = isMarkdownFile ? (index.urlOfFile(path.resolve(path.dirname(page.file), sourceForm(ref.url.split("#")[0]!))) ?? target.path) : target.path;
  const targetPage = index.page(targetPath);
  if (!targetPage) {
    if (!target.hash && !isMarkdownFile && index.hasFile(target.path)) return [];
    if (index.isDraft(targetPath)) return [at(page, ref, `the link to "${written}" goes to a page that is still a draft, so it is not published`, "publish that page first (remove its draft: true), or remove the link")];
    const movedTo = index.movedTo(targetPath);
    if (movedTo) {
      const now = `${movedTo}${target.hash ? `#${target.hash}` : ""}`;
      return [at(page, ref, `the link to "${written}" goes to an old address: that page moved to ${movedTo}, and readers are sent on from here`, `link to its address now: ${now}`, "warning")];
    }
    const guess = didYouMean(targetPath, index.urls());
    return [at(page, ref, `the link to "${written}" goes to a page that does not exist`, guess ? `did you mean "${guess}"?` : "check the address, or create the page")];
  }
  const problems: Problem[] = [];
  if (isMarkdownFile) {
    problems.push(at(page, ref, `the link "${written}" points at a Markdown file, which is not published`, `link to the page's address instead: ${targetPath}${target.hash ? `#${target.hash}` : ""}`));
  }
  if (target.hash && !targetPage.ids.has(target.hash)) {
    const where = targetPage === index.page(page.url) ? "this page" : `the page ${targetPath}`;
    problems.push(at(page, ref, `the link "${written}" goes to a section "#${target.hash}" that is not on ${where}`, nearestSection(target.hash, targetPage.sections)));
  }
  return problems;
}

function nearestSection(wanted: string, sections: readonly string[]): string {
  if (sections.length === 0) return "there are no sections to link to there: link to the page without the #part";
  const guess = didYouMean(wanted, sections);
  return guess ? `did you mean "#${guess}"?` : `the nearest is "#${closest(wanted, [...sections])}"; its sections are ${sections.map((id) => `#${id}`).join(", ")}`;
}
