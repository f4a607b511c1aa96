import path from "node:path";
import { generatedFolders } from "../model/addresses.ts";
import { dataFolder } from "../model/data.ts";
import { KeptWork } from "../model/kept-work.ts";
import type { ReadPage } from "../model/pages.ts";
import type { SiteModel } from "../model/site.ts";
import { versionsByUrl } from "../model/translations.ts";
import { append, displayPath, type Problem } from "../problems/problems.ts";
import { dataSchemas } from "../schema/data.ts";
import { checkText } from "./encoding.ts";
import type { ExternalLink } from "./external.ts";
import { checkImages } from "./images.ts";
import { checkLinks } from "./links.ts";
import { isNotFoundPage } from "../schema/patterns.ts";
import { privateHost } from "../schema/private-addresses.ts";
import { pageChecker, type PageWork } from "./page-alone.ts";
import { entryLines, fieldLine, type PageText } from "./page-source.ts";
import { checkRedirects, checkSince } from "./redirects.ts";
import { checkReviews } from "./reviews.ts";
import { checkFileNames, checkNavigation, checkOutputFiles, checkPagesTogether, checkReservedUrls } from "./site.ts";
import { SiteIndex } from "./site-index.ts";
import { checkLanguageHomes, checkLinksInLanguage, checkMenuLanguages, checkOriginalFields, checkPermalinkLanguage, checkTranslation } from "./translations.ts";

export interface CheckOptions {
  /** Overdue reviews are errors, not warnings. */
  strict: boolean;
  /** A previous build's sitemap.xml or address list: every address in it must still lead somewhere. */
  since?: { file: string; text: string };
  /** What earlier checks of the same content folder found page by page (`npm start` keeps it from one save to the next). */
  memory?: CheckMemory;
}

/** What the checks found, and each page's body as HTML: what they judged is exactly what is published. */
export interface CheckedSite {
  problems: Problem[];
  externalLinks: ExternalLink[];
  /** Each page's rendered body, by its file. */
  bodies: Map<string, string>;
}

/**
 * Every check of the site, in one pass over its model: each page's Markdown is parsed and rendered once, its
 * HTML read as a browser reads it, and one index of every address and heading id serves all the link checks.
 */
export function checkSite(model: SiteModel, options: CheckOptions): CheckedSite {
  const memory = options.memory ?? new CheckMemory();
  const worked = model.pages.map(pageWorks(model, memory));
  memory.keepOnly(model.pages.map((read) => read.file));
  const pages = worked.map((work) => work.source);
  const index = new SiteIndex(pages, model.generatedUrls, new Set(model.images.map((image) => image.url)), new Map(model.redirects.map((r) => [r.from, r.to])));
  // Where each published page's old addresses are written, read once for the two checks that name them.
  const oldAddressLines = new Map(pages.filter((page) => page.data?.redirect_from?.length && !page.data.draft).map((page) => [page.file, entryLines(page, "redirect_from")]));
  const problems: Problem[] = [
    ...model.problems,
    ...checkPagesTogether(pages, (file) => model.translations.languageOf.get(file)?.tag ?? ""),
    ...checkFileNames(model.contentDir, pages, new Set(model.languages.filter((language) => !language.isDefault).map((language) => language.tag)), model.images),
    ...checkRedirects(pages, index, oldAddressLines),
    ...checkReservedUrls(pages, model.generatedUrls),
    ...checkOutputFiles(writtenFiles(model, pages, oldAddressLines), generatedFolders),
  ];
  const externalLinks: ExternalLink[] = [];
  const bodies = new Map<string, string>();
  const { translations } = model;
  const addressVersions = versionsByUrl(model.pages, translations);
  for (const { source: page, refs, problems: alone } of worked) {
    const language = translations.languageOf.get(page.file) ?? model.languages[0]!;
    const translation = translations.translations.get(page.file);
    for (const ref of refs) {
      if (ref.kind === "link" && ref.resolved.kind === "external" && /^https?:\/\//i.test(ref.url) && !privateHost(ref.resolved.url)) externalLinks.push({ url: ref.url, file: displayPath(page.file), line: ref.line, column: ref.column });
    }
    append(problems, alone, checkReviews(page, model.today, options.strict));
    // Which folder holds which language is not known while the settings have mistakes: nothing is said of it then.
    if (model.languagesKnown) {
      if (translation && model.data) append(problems, checkTranslation(page, translation, model.data.settings.repository, model.today));
      if (language.isDefault) append(problems, checkOriginalFields(page, model.contentDir));
      append(problems, checkPermalinkLanguage(page, language, model.languages));
      append(problems, checkLinksInLanguage(page, language, refs, addressVersions, translation?.original?.url));
    }
    append(problems, checkLinks(page, refs, index), checkImages(page, refs, index));
    bodies.set(page.file, page.rendered.html);
  }
  for (const name of Object.keys(dataSchemas)) {
    const file = path.join(dataFolder(model.contentDir), `${name}.yaml`);
    const data = model.dataTexts.get(file);
    if (data !== undefined) append(problems, checkText(file, data.split("\n")));
  }
  for (const [file, text] of model.stringTexts) append(problems, checkText(file, text.split("\n")));
  for (const [file, text] of model.drawingTexts) append(problems, checkText(file, text.split("\n"), { xml: true }));
  const settingsFile = path.join(dataFolder(model.contentDir), "settings.yaml");
  if (model.data) append(problems, checkLanguageHomes(model.languages, model.pages, settingsFile, model.dataTexts.get(settingsFile) ?? ""));
  const navigationFile = path.join(dataFolder(model.contentDir), "navigation.yaml");
  if (model.data) append(problems, checkNavigation(navigationFile, model.dataTexts.get(navigationFile) ?? "", model.data.navigation, index));
  if (model.data) append(problems, checkMenuLanguages(navigationFile, model.dataTexts.get(navigationFile) ?? "", model.data.navigation, model.languages));
  append(problems, (model.catalog?.problems ?? []));
  if (options.since) {
    append(problems, checkSince(options.since.file, options.since.text, index, model.pathPrefix));
  }
  return { problems, externalLinks, bodies };
}

/** Each page's own checks, as a function of the page: recalled from `memory` when done before on the same text and language. */
function pageWorks(model: SiteModel, memory: CheckMemory): (read: ReadPage) => PageWork {
  // A page's own checks depend on its text, its language, the data blocks and the layouts' words, and nothing else.
  memory.forSite(JSON.stringify([[...model.dataTexts], [...model.strings].map(([tag, strings]) => [tag, strings.words, [...strings.fallback]])]));
  const checkPage = pageChecker(model);
  return (read) => {
    const language = model.translations.languageOf.get(read.file) ?? model.languages[0]!;
    return memory.recall(read.file, [language.tag, read.text], () => checkPage({ read, language }));
  };
}

/** How many pages are checked between two looks at whether a page was asked for: about 0.1 s (1.7 ms a page at 4,000 pages). */
const pagesPerTurn = 50;

/**
 * Does each page's own checks into `memory`, a few pages at a time, calling `between` before each few and after the
 * last, with the work of the few just done: npm start renders a page asked for meanwhile, and the build hands the
 * pages that passed to its rendering process. checkSite then finds them done, and does only what spans pages.
 */
export async function checkPagesInTurns(model: SiteModel, memory: CheckMemory, between: (justChecked: readonly PageWork[]) => unknown): Promise<void> {
  const workOf = pageWorks(model, memory);
  let justChecked: PageWork[] = [];
  for (let first = 0; first < model.pages.length; first += pagesPerTurn) {
    await between(justChecked);
    justChecked = model.pages.slice(first, first + pagesPerTurn).map(workOf);
  }
  await between(justChecked);
}

/** One page's own checks (kept in `memory`, for checkSite to find), before the site is checked as a whole. */
export function checkPageOnly(model: SiteModel, page: ReadPage, memory: CheckMemory): PageWork {
  return pageWorks(model, memory)(page);
}

/** Each page's work, kept by file with the text and language it was done for, to be done again when either changes. */
export class CheckMemory extends KeptWork<PageWork> {
  private site?: string;

  /** Forgets every page's work when the site's data or words differ from those it was done with. */
  forSite(siteKey: string): void {
    if (siteKey !== this.site) this.forget();
    this.site = siteKey;
  }
}

/** Everything the site writes, in the order that decides who keeps a file: the generator's own, images, pages, old addresses. */
function writtenFiles(model: SiteModel, pages: readonly PageText[], oldAddressLines: ReadonlyMap<string, readonly number[]>) {
  // A page's own file name comes before a permalink, which is the choice to question when two clash.
  const published = pages.filter((page) => page.data && !page.data.draft).sort((a, b) => Number(Boolean(a.data?.permalink)) - Number(Boolean(b.data?.permalink)));
  return [
    ...model.generatedUrls.map((url) => ({ url })),
    ...model.images.map((image) => ({ url: image.url, at: { file: image.file, line: 1 } })),
    ...published.map((page) => ({ url: page.url, at: { file: page.file, line: page.data?.permalink ? fieldLine(page, "permalink") : 1 } })),
    // An old 404.html is refused on its own (checkRedirects): told once, not again as a clash.
    ...published.flatMap((page) =>
      (page.data?.redirect_from ?? []).flatMap((from, i) => (isNotFoundPage(from) ? [] : [{ url: from, at: { file: page.file, line: oldAddressLines.get(page.file)?.[i] ?? 1 }, redirectsTo: page.url }])),
    ),
  ];
}
