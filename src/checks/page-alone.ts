import type { MarkdownIt } from "markdown-it";
import { dataBlocks } from "../markdown/blocks.ts";
import { md, type MarkdownWords } from "../markdown/markdown.ts";
import { renderWithLines } from "../markdown/render-lines.ts";
import type { SiteData } from "../schema/data.ts";
import type { Language } from "../model/languages.ts";
import type { ReadPage } from "../model/pages.ts";
import { translateText, type LanguageStrings } from "../model/strings.ts";
import { append, problem, type Problem } from "../problems/problems.ts";
import { checkDataBlocks, checkLiteralTemplates } from "./blocks.ts";
import { checkCharacterReferences, checkText } from "./encoding.ts";
import { checkFrontMatterValues } from "./front-matter.ts";
import { checkHeadings } from "./headings.ts";
import { bodyElements } from "./html.ts";
import { checkUnparsedLinks } from "./links.ts";
import { checkMarkup } from "./markup.ts";
import type { PageOutline, PageSource } from "./page-source.ts";
import { checkRawHtml } from "./raw-html.ts";
import { checkReading } from "./reading.ts";
import { references, type Reference } from "./references.ts";

/** A page parsed, rendered and read as a browser reads it, with what its own checks found: its work that needs no other page. */
export interface PageWork {
  source: PageOutline;
  refs: Reference[];
  problems: Problem[];
}

/** A page to check alone, in its language. */
export interface PageJob {
  read: ReadPage;
  language: Language;
}

/** What the checks of a page alone read besides the page: the data its blocks draw, and each language's words. */
export interface PageCheckContext {
  data?: SiteData;
  strings: ReadonlyMap<string, LanguageStrings>;
  languages: readonly Language[];
}

/**
 * Checks pages alone, each in its language: one markdown-it a language, whose words (a data block's, the table of
 * contents' heading) are that language's.
 */
export function pageChecker({ data, strings, languages }: PageCheckContext): (job: PageJob) => PageWork {
  const blocks = new Map(languages.map((language) => [language.tag, data ? dataBlocks(data, strings.get(language.tag)!) : {}]));
  const markdowns = new Map(languages.map((language) => [language.tag, md({ blocks: blocks.get(language.tag)!, words: markdownWords(strings.get(language.tag)!) })]));
  const blockNames = data ? Object.keys(blocks.get(languages[0]!.tag)!) : undefined;
  return ({ read, language }) => checkPageAlone(read, language, markdowns.get(language.tag)!, blockNames);
}

/** Parses and renders one page, and runs every check that reads that page alone. */
function checkPageAlone({ file, text, url, page }: ReadPage, language: Language, markdown: MarkdownIt, blockNames: string[] | undefined): PageWork {
  const tokens = page ? markdown.parse(page.body, {}) : [];
  const source: PageSource = { file, lines: text.split("\n"), data: page?.data, url, tokens, rendered: renderWithLines(markdown, tokens), bodyLineOffset: page?.bodyLineOffset ?? 0 };
  const body = bodyElements(source.rendered);
  const problems = source.rendered.failures.map((failure) => problem(file, source.bodyLineOffset + failure.line + 1, failure.message, "correct the line, or remove it"));
  if (blockNames) append(problems, checkDataBlocks(source, blockNames), checkLiteralTemplates(source, blockNames));
  append(problems, checkFrontMatterValues(source));
  // The reading grade's formula counts English syllables.
  if (language.tag.startsWith("en")) append(problems, checkReading(source));
  append(problems, checkText(file, source.lines), checkCharacterReferences(source), checkHeadings(source), checkMarkup(source), checkRawHtml(source, body), checkUnparsedLinks(source));
  // The tokens stay here: the checks across pages need only the ids of the page's sections.
  const { tokens: _tokens, ...pageText } = source;
  const sections = tokens.filter((t) => t.type === "heading_open" && t.attrGet("id")).map((t) => String(t.attrGet("id")));
  return { source: { ...pageText, sections, toc: tokens.some((t) => t.meta?.generated === "toc") }, refs: references(source, body.elements), problems };
}

/** The words the Markdown adds, from a language's strings. */
function markdownWords(strings: LanguageStrings): MarkdownWords {
  return { onThisPage: translateText(strings, "on_this_page"), sectionLink: (title) => translateText(strings, "section_link", { title }) };
}
