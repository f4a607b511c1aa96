import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indexedPages } from "../helpers.ts";
import { prefix } from "../shared-sites.ts";
import { sites, useBrowser } from "./harness.ts";

const browser = useBrowser();

describe.each(sites())("search $name", ({ url: site }) => {
  const searchFor = async (query: string, extra = "") => {
    const opened = await browser.open(`${site}search/?q=${encodeURIComponent(query)}${extra}`);
    await opened.page.locator("#search-results li").first().waitFor();
    return opened;
  };
  const resultTitles = (page: Awaited<ReturnType<typeof searchFor>>["page"]) => page.locator("#search-results .search-result-title a").allTextContents();

  it('lists the Working Group page first for "code coordinator"', async () => {
    const { page, problems } = await searchFor("code coordinator");
    expect((await resultTitles(page))[0]).toBe("Working Group");
    expect(problems, "console errors and failed requests").toEqual([]);
  });

  it('searches Spanish pages from the Spanish search page, finding "valores" from "valor", in Spanish words', async () => {
    const { page, problems } = await browser.open(`${site}es/search/?q=valor`);
    await page.locator("#search-results li").first().waitFor();
    const addresses = await page.locator("#search-results .search-result-title a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(addresses.some((address) => address?.endsWith("/es/values/"))).toBe(true);
    expect(addresses.every((address) => address?.includes("/es/"))).toBe(true);
    expect(await page.locator("#search-status").textContent()).toMatch(/^\d+ resultados? para «valor»\.$/);
    expect(problems, "console errors and failed requests").toEqual([]);
  });

  it("keeps the English search to English pages", async () => {
    const { page } = await searchFor("values");
    const addresses = await page.locator("#search-results .search-result-title a").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    expect(addresses.some((address) => address?.includes("/es/"))).toBe(false);
  });

  it('finds the About page for "open source"', async () => {
    const { page } = await searchFor("open source");
    expect(await resultTitles(page)).toContain("About Code California");
  });

  it("runs the search in the URL on load, and announces the count to screen readers", async () => {
    const { page } = await searchFor("values");
    const status = page.locator("#search-status");
    expect(await status.getAttribute("aria-live")).toBe("polite");
    expect(await status.textContent()).toMatch(/^\d+ results? for “values”\.$/);
    expect(await page.locator("#search-input").inputValue()).toBe("values");
    expect(await page.locator("#search-fallback").isHidden()).toBe(true);
  });

  it("shows results as the reader types", async () => {
    const { page } = await browser.open(`${site}search/`);
    await page.locator("#search-input").pressSequentially("product owner", { delay: 20 });
    await page.locator("#search-results li").first().waitFor();
    expect(await resultTitles(page)).toContain("Working Group");
    expect(page.url()).toContain("q=product+owner");
  });

  it("takes the reader from a sub-result straight to the right heading", async () => {
    const { page } = await searchFor("code coordinator");
    const heading = page.locator('#search-results .search-subresults a[href*="#code-coordinators"]').first();
    expect(await heading.getAttribute("href")).toMatch(/working-group\/#code-coordinators$/);
    await heading.click();
    await page.waitForURL(/working-group\/#code-coordinators$/);
    expect(await page.locator("h1").textContent()).toBe("Working Group");
    expect(await page.locator("#code-coordinators").textContent()).toBe("Code coordinators");
  });

  it("narrows results to one section", async () => {
    const { page } = await searchFor("public");
    const all = await resultTitles(page);
    expect(all.length).toBeGreaterThan(2);
    await page.locator("#search-section").selectOption("Values");
    await page.waitForFunction(() => document.querySelector("#search-status")?.textContent?.includes("in Values"));
    expect(await resultTitles(page)).toEqual(["Our values"]);
    expect(page.url()).toContain("section=Values");
  });

  it("every result is a link the keyboard reaches", async () => {
    const { page } = await searchFor("Code California");
    const links = await page.locator("#search-results a").count();
    expect(links).toBeGreaterThan(0);
    await page.locator('#search-form button[type="submit"]').focus();
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.closest("#search-results") !== null && document.activeElement?.tagName);
    expect(focused).toBe("A");
  });

  it("the header's search form lands on the search page with JavaScript disabled, which leads to every page through the site map", async () => {
    const { page, problems } = await browser.open(`${site}about/`, { javaScript: false });
    await page.locator("#header-search").fill("values");
    await page.locator("#header-search").press("Enter");
    await page.waitForURL(/\/search\/\?q=values$/);
    expect(new URL(page.url()).pathname).toBe(new URL(`${site}search/`).pathname);
    expect(await page.locator("#search-fallback").isVisible()).toBe(true);
    expect(await page.locator("#search-fallback a").allTextContents()).toContain("Values");
    await page.locator("#search-fallback").getByRole("link", { name: "the site map" }).click();
    await page.waitForURL(/\/site-map\/$/);
    await page.getByRole("link", { name: "Our values" }).click();
    await page.waitForURL(/\/values\/$/);
    expect(problems).toEqual([]);
  });

  it("the header's search form runs the search with JavaScript on", async () => {
    const { page, problems } = await browser.open(`${site}values/`);
    await page.locator("#header-search").fill("mission");
    await page.locator("#header-search").press("Enter");
    await page.locator("#search-results li").first().waitFor();
    expect(await resultTitles(page)).toContain("About Code California");
    expect(problems).toEqual([]);
  });
});

describe("project search", () => {
  it("narrowed to one agency, returns only that agency's projects", async () => {
    const site = sites()[0]!.url;
    const { page, problems } = await browser.open(`${site}search/?q=data&agency=CHHS`);
    await page.locator("#search-results li").first().waitFor();
    const links = await page.locator("#search-results .search-result-title a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((href) => href.startsWith("/projects/chhs/"))).toBe(true);
    expect(await page.locator("#search-agency").inputValue()).toBe("CHHS");
    await page.locator("#search-agency").selectOption("");
    await page.waitForFunction(() => !document.querySelector("#search-status")?.textContent?.includes("CHHS"));
    const all = await page.locator("#search-results .search-result-title a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(all.some((href) => !href.startsWith("/projects/chhs/"))).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe("a search index built in parts", () => {
  it("finds a page of every part, each result linking under the path prefix", async () => {
    const { url: site, dir } = sites()[1]!;
    const parts = ["", ...(JSON.parse(readFileSync(path.join(dir, "pagefind", "parts.json"), "utf8")) as string[])];
    expect(parts).toHaveLength(3);
    const byPart = parts.map((part) => indexedPages(dir, part));
    const titleCount = new Map<string, number>();
    for (const page of byPart.flat()) titleCount.set(page.meta.title!, (titleCount.get(page.meta.title!) ?? 0) + 1);
    for (const pages of byPart) {
      // A page whose title no other page has, so that searching for it can only mean that page.
      // An English page: the Spanish ones are searched from the Spanish search page.
      const wanted = pages.find((page) => !page.url.startsWith("/es/") && titleCount.get(page.meta.title!) === 1 && page.meta.title!.split(" ").length > 1)!;
      const { page, problems } = await browser.open(`${site}search/?q=${encodeURIComponent(wanted.meta.title!)}`);
      await page.locator("#search-results li").first().waitFor();
      const links = await page.locator("#search-results .search-result-title a").evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links, wanted.meta.title).toContain(`${prefix}${wanted.url.slice(1)}`);
      expect(problems).toEqual([]);
    }
  });
});
