import type { Words } from "./strings.ts";

/**
 * Lists too long for one page (the site map, the project list) are split into pages of fifty: /projects/,
 * /projects/page-2/ and on. At fifty, every page stays within the 50 KB budget however long the list grows.
 */
export const itemsPerPage = 50;

/** The address of a list's page, counted from 0. */
export const pagedUrl = (firstPage: string, index: number): string => (index ? `${firstPage}page-${index + 1}/` : firstPage);

/** Every address of a list of `count` items; a list with nothing in it still has its first page. */
export const pagedUrls = (firstPage: string, count: number): string[] =>
  Array.from({ length: Math.max(1, Math.ceil(count / itemsPerPage)) }, (_, index) => pagedUrl(firstPage, index));

interface ListPage {
  pagination: { pageNumber: number };
}

/**
 * Eleventy's pagination of a list: fifty to a page, each page with its address and title ("…, page 2"), and
 * every page in the collections (so in sitemap.xml), not only the first; `pagination` adds Eleventy's other options.
 */
export function pagedList(data: string, firstPage: string, title: string, words: Words, pagination: object = {}) {
  return {
    pagination: { data, size: itemsPerPage, generatePageOnEmptyData: true, addAllPagesToCollections: true, ...pagination },
    permalink: (page: ListPage) => pagedUrl(firstPage, page.pagination.pageNumber),
    eleventyComputed: { title: (page: ListPage) => (page.pagination.pageNumber ? words("paged_title", { title, page: page.pagination.pageNumber + 1 }) : title) },
  };
}
