import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { dataFolder } from "../model/data.ts";
import { displayPath, type Problem } from "../problems/problems.ts";
import { dataSchemas, type SiteData } from "../schema/data.ts";
import { checkDataBlocks } from "./blocks.ts";
import { checkText } from "./encoding.ts";
import type { ExternalLink } from "./external.ts";
import { checkHeadings } from "./headings.ts";
import { checkImages } from "./images.ts";
import { checkLinks, checkUnparsedLinks } from "./links.ts";
import type { PageSource } from "./page-source.ts";
import { checkRawHtml } from "./raw-html.ts";
import { checkReading } from "./reading.ts";
import { checkRedirects, checkSince } from "./redirects.ts";
import { checkReviews } from "./reviews.ts";
import { htmlElements, references } from "./references.ts";
import { checkFileNames, checkNavigation, checkPagesTogether, checkReservedUrls } from "./site.ts";
import { generatedUrls, SiteIndex } from "./site-index.ts";

/**
 * Every check of the content, in one pass over pages read once: each page's tokens and raw HTML are walked
 * once, and one index of every address and heading id serves all the link checks.
 */
export interface CheckOptions {
  /** The data blocks pages may place. */
  blockNames: readonly string[];
  /** The day reviews fall due against, YYYY-MM-DD. */
  today: string;
  /** Overdue reviews are errors, not warnings. */
  strict: boolean;
  /** Addresses published from data rather than Markdown, such as the catalog's pages. */
  generatedPages?: readonly string[];
  /** A previous build's sitemap.xml or address list: every address in it must still lead somewhere. */
  since?: { file: string; text: string; pathPrefix: string };
}

export function checkContent(
  contentDir: string,
  pages: readonly PageSource[],
  data: SiteData | undefined,
  options: CheckOptions,
): { problems: Problem[]; externalLinks: ExternalLink[] } {
  const index = new SiteIndex(contentDir, pages, options.generatedPages);
  const problems: Problem[] = [...checkPagesTogether(pages), ...checkFileNames(contentDir, pages), ...checkRedirects(pages, index), ...checkReservedUrls(pages, [...generatedUrls, ...(options.generatedPages ?? [])])];
  const externalLinks: ExternalLink[] = [];
  for (const page of pages) {
    const elements = htmlElements(page);
    const refs = references(page, elements);
    for (const ref of refs) {
      if (ref.kind === "link" && /^https?:\/\//i.test(ref.url)) externalLinks.push({ url: ref.url, file: displayPath(page.file), line: ref.line, column: ref.column });
    }
    if (data) problems.push(...checkDataBlocks(page, options.blockNames));
    problems.push(...checkReviews(page, options.today, options.strict), ...checkReading(page));
    problems.push(...checkText(page.file, page.lines), ...checkHeadings(page), ...checkRawHtml(page, elements), ...checkLinks(page, refs, index), ...checkUnparsedLinks(page), ...checkImages(page, refs, index));
  }
  for (const name of Object.keys(dataSchemas)) {
    const file = path.join(dataFolder(contentDir), `${name}.yaml`);
    if (existsSync(file)) problems.push(...checkText(file, readFileSync(file, "utf8").split("\n")));
  }
  if (data) problems.push(...checkNavigation(contentDir, data.navigation, index));
  if (options.since) {
    const redirects = new Set(pages.flatMap((page) => (page.data?.draft ? [] : (page.data?.redirect_from ?? []))));
    problems.push(...checkSince(options.since.file, options.since.text, index, redirects, options.since.pathPrefix));
  }
  return { problems, externalLinks };
}
