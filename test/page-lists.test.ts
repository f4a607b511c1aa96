import { describe, expect, it } from "vitest";
import { orderedPages, publicPages, siteMapUrls, writtenPages } from "../src/model/page-lists.ts";

const page = (url: string | false, data: { title?: string; order?: number; unlisted?: boolean; draft?: boolean }) => ({ url, data });
const pages = [
  page("/values/", { title: "Values", order: 2 }),
  page("/", { title: "Home" }),
  page("/404.html", { title: "Not found", unlisted: true }),
  page(false, { title: "Draft", draft: true }),
  page("/about/", { title: "About", order: 1 }),
  page("/privacy-policy/", { title: "Privacy" }),
];

describe("page lists", () => {
  it("public pages are the published, listed ones, by address", () => {
    expect(publicPages(pages).map((p) => p.url)).toEqual(["/", "/about/", "/privacy-policy/", "/values/"]);
  });
  it("written pages are the public pages that come from Markdown files", () => {
    const items = [{ url: "/about/", data: { source: "/site/content/about.md" } }, { url: "/projects/cdt/", data: { source: "/site/content/code-json/cdt.json" } }, { url: "/search/", data: {} }];
    expect(writtenPages(items).map((p) => p.url)).toEqual(["/about/"]);
  });
  it("the home page lists pages with an order, lowest first", () => {
    expect(orderedPages(pages).map((p) => p.data.title)).toEqual(["About", "Values"]);
  });
  it("the site map has a page for every fifty written pages", () => {
    const written = (count: number) => Array.from({ length: count }, (_, i) => ({ url: `/page-${i}/`, data: { source: `/site/content/page-${i}.md` } }));
    expect(siteMapUrls([])).toEqual(["/site-map/"]);
    expect(siteMapUrls(written(50))).toEqual(["/site-map/"]);
    expect(siteMapUrls([...written(51), ...pages])).toEqual(["/site-map/", "/site-map/page-2/"]);
  });
});
