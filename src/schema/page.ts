import { z } from "zod";

/**
 * The front matter every page in `content/` may carry: the one reference for editors.
 * CONTRIBUTING's field table and the build's validation both come from this schema.
 */
export const pageSchema = z
  .strictObject({
    /** The page's name: its heading, the browser tab's title and the search result's title. */
    title: z.string().trim().min(1),
    /** One or two plain sentences that say what the page is for: used by search engines and link previews. */
    description: z.string().trim().min(1).max(300),
    /** Position among the site's pages in listings such as the home page and the sitemap; lower comes first. */
    order: z.number().int().optional(),
    /** Which page design to use: `page` for ordinary pages, `home` for the front page. */
    layout: z.enum(["page", "home"]).default("page"),
    /** The page's web address, when it should differ from its file name (for example `/404.html`). Starts and ends with `/`, or ends in `.html`. */
    permalink: z
      .string()
      .regex(/^\/([a-z0-9-]+\/)*([a-z0-9-]+\.html)?$/, "must look like /some-page/ or /page.html")
      .optional(),
    /** `true` keeps the page out of the published site, its navigation, sitemap and search while it is being written. */
    draft: z.boolean().default(false),
    /** The day someone last checked that the page is still right, written YYYY-MM-DD. */
    last_reviewed: z.iso.date().optional(),
    /** `true` publishes the page but keeps it out of the sitemap, page listings and search (for the 404 page). */
    unlisted: z.boolean().default(false),
  });

export type PageFrontMatter = z.output<typeof pageSchema>;
