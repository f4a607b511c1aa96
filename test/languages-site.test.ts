import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { indexedPages, readPage, text } from "./helpers.ts";
import { sharedSite } from "./shared-sites.ts";

/** The Spanish pages of the real site, each the translation of the English page at the same name. */
const spanishPages = ["/es/", "/es/about/", "/es/values/", "/es/community/", "/es/working-group/", "/es/accessibility/", "/es/conditions-of-use/", "/es/privacy-policy/", "/es/contact-us/"];
const englishOf = (url: string) => url.replace(/^\/es\//, "/");

let site: string;
beforeAll(async () => {
  site = (await sharedSite("site")).output;
});

const alternates = (url: string) =>
  Object.fromEntries(readPage(site, url).querySelectorAll('link[rel="alternate"][hreflang]').map((link) => [link.getAttribute("hreflang"), link.getAttribute("href")]));

describe("the site in Spanish", () => {
  it("publishes the home page, the four community pages and the statewide pages in Spanish, each in <html lang=es>", () => {
    for (const url of spanishPages) {
      const page = readPage(site, url);
      expect(page.querySelector("html")?.getAttribute("lang"), url).toBe("es");
      expect(text(page.querySelector("#skip-to-content a")), url).toBe("Ir al contenido principal");
    }
    expect(readPage(site, "/about/").querySelector("html")?.getAttribute("lang")).toBe("en");
  });

  it("links each page and its translation both ways with hreflang, and x-default to the English page", () => {
    for (const url of spanishPages) {
      const english = `https://code.ca.gov${englishOf(url)}`;
      const both = { en: english, es: `https://code.ca.gov${url}`, "x-default": english };
      expect(alternates(url), url).toEqual(both);
      expect(alternates(englishOf(url)), englishOf(url)).toEqual(both);
    }
  });

  it("pairs the search pages of the two languages", () => {
    const both = { en: "https://code.ca.gov/search/", es: "https://code.ca.gov/es/search/", "x-default": "https://code.ca.gov/search/" };
    expect(alternates("/search/")).toEqual(both);
    expect(alternates("/es/search/")).toEqual(both);
    expect(readPage(site, "/search/").querySelector(".language-links a")?.getAttribute("href")).toBe("/es/search/");
    // Each may compile Pagefind's WebAssembly in the page itself, where a browser runs no worker for it.
    const policy = (url: string) => readPage(site, url).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content");
    expect(policy("/es/search/")).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy("/es/")).not.toContain("wasm");
  });

  it("has a page not found in Spanish, which the host serves for missing addresses under /es/", () => {
    const page = readPage(site, "/es/404.html");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(text(page.querySelector("h1"))).toBe("No encontramos la página");
    expect(readFileSync(path.join(site, "_redirects"), "utf8").split("\n")).toContain("/es/* /es/404.html 404");
  });

  it("gives a page with no translation no alternates", () => {
    expect(alternates("/projects/")).toEqual({});
  });

  it("carries the alternates in the sitemap", () => {
    const sitemap = parse(readFileSync(path.join(site, "sitemap.xml"), "utf8"));
    const entry = sitemap.querySelectorAll("url").find((url) => text(url.querySelector("loc")) === "https://code.ca.gov/es/values/");
    expect(Object.fromEntries(entry!.querySelectorAll("xhtml\\:link").map((link) => [link.getAttribute("hreflang"), link.getAttribute("href")]))).toEqual({
      en: "https://code.ca.gov/values/",
      es: "https://code.ca.gov/es/values/",
      "x-default": "https://code.ca.gov/values/",
    });
  });

  it("has a language link to the same page in the other language, named in that language, with lang and hreflang", () => {
    const toSpanish = readPage(site, "/values/").querySelector(".language-links a")!;
    expect({ text: text(toSpanish), href: toSpanish.getAttribute("href"), lang: toSpanish.getAttribute("lang"), hreflang: toSpanish.getAttribute("hreflang") }).toEqual({ text: "Español", href: "/es/values/", lang: "es", hreflang: "es" });
    const toEnglish = readPage(site, "/es/values/").querySelector(".language-links a")!;
    expect({ text: text(toEnglish), href: toEnglish.getAttribute("href"), lang: toEnglish.getAttribute("lang") }).toEqual({ text: "English", href: "/values/", lang: "en" });
  });

  it("says, on a page with no translation, that it is available only in English, linking to the Spanish home page", () => {
    const link = readPage(site, "/projects/").querySelector(".language-links a")!;
    expect({ text: text(link), href: link.getAttribute("href"), lang: link.getAttribute("lang") }).toEqual({ text: "Español: esta página solo está disponible en inglés", href: "/es/", lang: "es" });
  });

  it("shows the menus in Spanish, leading to the Spanish pages, and marks an English-only page's link", () => {
    const links = readPage(site, "/es/about/").querySelectorAll(".primary-nav a").map((a) => ({ text: text(a), href: a.getAttribute("href"), hreflang: a.getAttribute("hreflang") ?? undefined }));
    expect(links).toEqual([
      { text: "Inicio", href: "/es/", hreflang: undefined },
      { text: "Acerca de", href: "/es/about/", hreflang: undefined },
      { text: "Valores", href: "/es/values/", hreflang: undefined },
      { text: "Comunidad", href: "/es/community/", hreflang: undefined },
      { text: "Grupo de Trabajo", href: "/es/working-group/", hreflang: undefined },
      { text: "Proyectos", href: "/projects/", hreflang: "en" },
    ]);
    expect(readPage(site, "/es/about/").querySelector(".site-search")?.getAttribute("action")).toBe("/es/search/");
  });

  it("tells the reader of a translation not yet reviewed so, with a link to the English page", () => {
    const notice = readPage(site, "/es/about/").querySelector(".translation-notice")!;
    expect(text(notice)).toContain("Esta traducción todavía no ha sido revisada.");
    expect(notice.querySelector("a")?.getAttribute("href")).toBe("/about/");
  });

  it("formats dates for the language", () => {
    const updated = readPage(site, "/es/about/").querySelector(".page-meta time");
    expect(text(updated)).toMatch(/^\d{1,2} de [a-z]+ de \d{4}$/);
  });

  it("lists only Spanish pages on the Spanish home page, and only English ones on the English home page", () => {
    const listed = (url: string) => readPage(site, url).querySelectorAll(".page-list a").map((a) => a.getAttribute("href"));
    expect(listed("/es/").every((href) => href?.startsWith("/es/"))).toBe(true);
    expect(listed("/es/")).toContain("/es/about/");
    expect(listed("/").some((href) => href?.startsWith("/es/"))).toBe(false);
  });

  it("has a search page in Spanish whose script speaks Spanish", () => {
    const page = readPage(site, "/es/search/");
    expect(page.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(text(page.querySelector("h1"))).toBe("Buscar");
    expect(JSON.parse(page.querySelector("#search-form")!.getAttribute("data-strings")!).search_more).toBe("Mostrar más resultados");
  });

  it("indexes each language's pages for search apart, filtered by sections named in the page's language", () => {
    const byUrl = new Map(indexedPages(site).map((fragment) => [fragment.url, fragment]));
    expect(byUrl.get("/es/values/")?.meta.section).toBe("Valores");
    expect(byUrl.get("/values/")?.meta.section).toBe("Values");
    const entry = JSON.parse(readFileSync(path.join(site, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages).sort()).toEqual(["en", "es"]);
    expect(entry.languages.es!.page_count).toBe(spanishPages.length);
  });
});

describe("the state of every translation", () => {
  it("is listed on /translations/, page by page", () => {
    const rows = readPage(site, "/translations/").querySelectorAll("tbody tr").map((row) => [row.querySelector("th a")?.getAttribute("href"), text(row.querySelector("td"))]);
    const byUrl = Object.fromEntries(rows);
    expect(byUrl["/about/"]).toMatch(/^(Up to date|Behind since .+)\. Not reviewed yet$/);
    expect(Object.keys(byUrl)).toEqual(expect.arrayContaining(spanishPages.map(englishOf)));
  });

  it("is in reviews.json, with each translation's address", () => {
    const reviews = JSON.parse(readFileSync(path.join(site, "reviews.json"), "utf8")) as { translations: { url: string; language: string; state: string; translation: string | null }[] };
    const about = reviews.translations.find((row) => row.url === "https://code.ca.gov/about/");
    expect(about).toMatchObject({ language: "es", translation: "https://code.ca.gov/es/about/" });
    expect(["up to date", "behind"]).toContain(about!.state);
  });
});
