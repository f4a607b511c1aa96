import { pagedUrls } from "./paging.ts";

interface Item {
  url: string | false;
  /** The file a page is made from: a Markdown page, or the data of a page the generator makes. */
  data: { title?: string; order?: number; unlisted?: boolean; draft?: boolean; source?: string };
}

const published = (item: Item) => Boolean(item.url) && !item.data.draft;

/** The public pages, for the sitemap: everything published except unlisted pages such as the 404 page. */
export function publicPages<T extends Item>(items: readonly T[]): T[] {
  return items.filter((item) => published(item) && !item.data.unlisted).sort((a, b) => String(a.url).localeCompare(String(b.url)));
}

/** The pages the home page lists: those with an `order`, lowest first. */
export function orderedPages<T extends Item>(items: readonly T[]): T[] {
  return publicPages(items)
    .filter((item) => item.data.order !== undefined)
    .sort((a, b) => a.data.order! - b.data.order! || String(a.data.title).localeCompare(String(b.data.title)));
}

/** The public pages written in Markdown: the site's own pages, without the catalog's pages made from data. */
export function writtenPages<T extends Item>(items: readonly T[]): T[] {
  return publicPages(items).filter((item) => item.data.source?.endsWith(".md"));
}

/** The site map's first page; it lists the written pages, fifty to a page. */
export const siteMapUrl = "/site-map/";

/** Every address of the site map, for the link checks: as many pages as it takes to list the written pages. */
export const siteMapUrls = (items: readonly Item[]): string[] => pagedUrls(siteMapUrl, writtenPages(items).length);
