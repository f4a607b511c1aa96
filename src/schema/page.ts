import { z } from "zod";
import { maxAddress, oldAddressTooLong, patterns } from "./patterns.ts";

/** How often a page is reviewed: a number and a unit, such as `6 months`, `1 year` or `90 days`. */
export const reviewIntervalPattern = patterns.reviewInterval.regex;

/**
 * The front matter every page in `content/` may carry: the one reference for editors. Each field's
 * description is what CONTRIBUTING.md's field table shows, so the table is generated from this schema.
 */
const dayCounts = { day: 1, week: 7, month: 31, year: 366 };
const maxReviewDays = 10 * 372;
const intervalInDays = (interval: string) => {
  const [, amount, unit] = reviewIntervalPattern.exec(interval) ?? [];
  return Number(amount) * (dayCounts[unit as keyof typeof dayCounts] ?? 1);
};

/** The description `npm run new` writes, for the editor to replace; the checks warn while it is still there. */
export const placeholderDescription = "Say in one or two sentences what this page is for.";

/** An old address of a page, which the site keeps as a redirect: as `redirect_from` takes it, and `check --since` asks. */
export const oldAddress = z
  .string()
  .max(maxAddress)
  .regex(patterns.oldAddress.regex, patterns.oldAddress.message)
  .superRefine((address, context) => {
    const tooLong = oldAddressTooLong(address);
    if (tooLong === "a part") context.addIssue({ code: "custom", message: patterns.oldAddress.message });
    if (tooLong === "the whole") {
      context.addIssue({
        code: "custom",
        message: `is too long to be written as a file: at most ${maxAddress} characters in all, letters beyond a-z, such as ñ, counting as two to four`,
        params: { fix: "shorten it, or leave it out" },
      });
    }
  });

export const pageSchema = z.strictObject({
  title: z.string().trim().min(1).max(200).describe("The page's name: its heading, the browser tab's title and the search result's title."),
  description: z.string().trim().min(1).max(300).describe("One or two plain sentences that say what the page is for, for search engines and link previews."),
  order: z.number().int().optional().describe("Puts the page on the home page's list of pages; lower numbers come first."),
  layout: z.enum(["page", "home"]).default("page").describe("The page's design: `page` for ordinary pages, `home` for the front page."),
  permalink: z
    .string()
    .max(maxAddress)
    .regex(patterns.permalink.regex, patterns.permalink.message)
    .optional()
    .describe("The page's address when it should differ from its file name, such as `/404.html`."),
  draft: z.boolean().default(false).describe("`true` keeps the page out of the site, its menus, sitemap and search while it is being written."),
  unlisted: z.boolean().default(false).describe("`true` publishes the page but keeps it out of the sitemap, page lists and search (the 404 page)."),
  owner: z.string().trim().min(1).max(200).optional().describe("Who keeps the page right: a team or a role, such as `Working Group`."),
  last_reviewed: z.iso.date().optional().describe("The day someone last checked that the page is still right, written YYYY-MM-DD."),
  review_every: z
    .string()
    .regex(patterns.reviewInterval.regex, patterns.reviewInterval.message)
    .refine((interval) => !reviewIntervalPattern.test(interval) || intervalInDays(interval) <= maxReviewDays, "must be at most 10 years, such as 1 year")
    .optional()
    .describe("How often the page should be checked, such as `6 months`; after that it shows a notice that it may be out of date."),
  redirect_from: z
    .array(oldAddress)
    .max(100)
    .optional()
    .describe("Old addresses of the page: each one keeps working and sends readers here."),
  translated_from: z
    .string()
    .regex(patterns.translatedFrom.regex, patterns.translatedFrom.message)
    .refine((value) => !/-/.test(value) || z.iso.date().safeParse(value).success, "is not a real day")
    .optional()
    .describe("On a translation only: the version of the English page it was translated from, as the day (YYYY-MM-DD) or the commit."),
  translation_reviewer: z.string().trim().min(1).max(200).optional().describe("On a translation only: who checked the translation against the English page. Until then, readers are told it is not reviewed yet."),
});

export type PageFrontMatter = z.output<typeof pageSchema>;
