import { orderedPages, publicPages } from "../../model/page-lists.ts";
import { pagePolicy } from "../csp.ts";
import type { CommitDates } from "../../model/git.ts";
import { reviewStatus } from "../../model/review.ts";
import type { Settings } from "../../schema/data.ts";
import { absoluteUrlFor } from "./absolute-url.ts";
import { ariaCurrent } from "./aria-current.ts";
import { breadcrumbs } from "./breadcrumbs.ts";
import { isoDate, readableDate } from "./dates.ts";
import { editUrl } from "./edit-url.ts";
import { lastUpdated } from "./last-updated.ts";
import { pageTitle } from "./page-title.ts";
import { reportProblemUrl } from "./report-url.ts";
import { reviewsJson } from "./reviews-json.ts";
import { section } from "./section.ts";
import { sectionNames } from "./section-names.ts";
import { translate, translateText, type LanguageStrings } from "../../model/strings.ts";
import { searchScriptStrings, type StringName } from "../../schema/strings.ts";
import type { TranslationRow } from "../../model/translations.ts";
import nunjucks from "nunjucks";

export interface FilterContext {
  contentDir: string;
  settings: Settings;
  commits: CommitDates;
  /** The day the site is built for, YYYY-MM-DD: reviews fall due against it. */
  today: string;
  pathPrefix: string;
  /** The layouts' words, by language tag. */
  strings: ReadonlyMap<string, LanguageStrings>;
  /** Every page in every language, and how its translation stands. */
  translations: readonly TranslationRow[];
  /** Each language's search page, whose script alone compiles WebAssembly. */
  searchUrls: ReadonlySet<string>;
}

interface FilterHost {
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

/** Every template filter of the site, registered together as one Eleventy plugin. */
export function filtersPlugin(eleventyConfig: FilterHost, context: FilterContext): void {
  // Lists of pages are filters on collections.all, not collections of their own: Eleventy fills every
  // collection with every page's content by a linear search per page, which grows as the square of the site.
  eleventyConfig.addFilter("publicPages", publicPages);
  eleventyConfig.addFilter("orderedPages", orderedPages);
  eleventyConfig.addFilter("pageTitle", pageTitle);
  const absoluteUrl = absoluteUrlFor(context.settings.url, context.pathPrefix);
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  eleventyConfig.addFilter("ariaCurrent", ariaCurrent);
  eleventyConfig.addFilter("section", section);
  eleventyConfig.addFilter("sectionNames", (pages: { url: string }[], menu: Parameters<typeof sectionNames>[1], home?: string, outside?: string) => sectionNames(pages.map((p) => p.url), menu, home, outside));
  // Lists of pages in one language: the home page's, the search's sections.
  eleventyConfig.addFilter("inLanguage", <T extends { data: { lang?: string } }>(items: readonly T[], lang: string) => items.filter((item) => item.data.lang === lang));
  const stringsOf = (lang: string) => context.strings.get(lang) ?? context.strings.get(context.settings.language)!;
  eleventyConfig.addFilter("t", (name: StringName, lang: string, params?: Record<string, unknown>) => translate(stringsOf(lang), name, params));
  eleventyConfig.addFilter("tText", (name: StringName, lang: string, params?: Record<string, unknown>) => translateText(stringsOf(lang), name, params));
  // The search script's words, for its results and counts, in the search page's language.
  eleventyConfig.addFilter("searchStrings", (lang: string) => JSON.stringify(Object.fromEntries(searchScriptStrings.map((name) => [name, translateText(stringsOf(lang), name)]))));
  // A date as readers of a language write it, in a <time> element that machines can read too.
  eleventyConfig.addFilter("timeElement", (date: Date | string, lang: string) => new nunjucks.runtime.SafeString(`<time datetime="${isoDate(date)}">${readableDate(date, lang)}</time>`));
  eleventyConfig.addFilter("contentSecurityPolicy", (pageUrl: string) => pagePolicy(pageUrl, context.searchUrls));
  eleventyConfig.addFilter("breadcrumbs", breadcrumbs);
  eleventyConfig.addFilter("readableDate", (date: Date | string, lang?: string) => readableDate(date, lang ?? context.settings.language));
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("editUrl", (inputPath: string) => editUrl(inputPath, context.contentDir, context.settings));
  eleventyConfig.addFilter("lastUpdated", (inputPath: string) => lastUpdated(inputPath, context.commits));
  eleventyConfig.addFilter("reportProblemUrl", (title: string, address: string) => reportProblemUrl(title, address, context.settings.repository));
  eleventyConfig.addFilter("reviewsJson", (pages: Parameters<typeof reviewsJson>[0]) => reviewsJson(pages, absoluteUrl, context.today, context.translations));
  eleventyConfig.addFilter("reviewStatus", (data: Parameters<typeof reviewStatus>[0]) => reviewStatus(data, context.today));
}
