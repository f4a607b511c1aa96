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

export interface FilterContext {
  contentDir: string;
  settings: Settings;
  commits: CommitDates;
  /** The day the site is built for, YYYY-MM-DD: reviews fall due against it. */
  today: string;
  pathPrefix: string;
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
  eleventyConfig.addFilter("sectionNames", (pages: { url: string }[], menu: Parameters<typeof sectionNames>[1]) => sectionNames(pages.map((p) => p.url), menu));
  eleventyConfig.addFilter("contentSecurityPolicy", pagePolicy);
  eleventyConfig.addFilter("breadcrumbs", breadcrumbs);
  eleventyConfig.addFilter("readableDate", (date: Date | string) => readableDate(date, context.settings.language));
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("editUrl", (inputPath: string) => editUrl(inputPath, context.contentDir, context.settings));
  eleventyConfig.addFilter("lastUpdated", (inputPath: string) => lastUpdated(inputPath, context.commits));
  eleventyConfig.addFilter("reportProblemUrl", (title: string, address: string) => reportProblemUrl(title, address, context.settings.repository));
  eleventyConfig.addFilter("reviewsJson", (pages: Parameters<typeof reviewsJson>[0]) => reviewsJson(pages, absoluteUrl, context.today));
  eleventyConfig.addFilter("reviewStatus", (data: Parameters<typeof reviewStatus>[0]) => reviewStatus(data, context.today));
}
