import { readdirSync } from "node:fs";
import path from "node:path";
import { generatorRoot } from "../options.ts";
import type { Language } from "./languages.ts";

/** The generator's own files, copied to /assets/ on every site. */
export const assetsFolder = path.join(generatorRoot, "_includes", "assets");

/** Addresses the generator itself publishes on every site, whatever its content. */
export const generatedUrls = [
  "/search/",
  "/sitemap.xml",
  "/robots.txt",
  "/reviews.json",
  "/_headers",
  "/_redirects",
  "/assets/site.css",
  ...readdirSync(assetsFolder).map((name) => `/assets/${name}`),
];

/** A language's search page: `/search/`, `/es/search/`. */
export const searchUrl = (language: Pick<Language, "home">): string => `${language.home}search/`;

/** The page that lists every translation and how it stands, on a site of more than one language. */
export const translationsUrl = "/translations/";

/** The addresses a site of several languages adds: the status of its translations, and each language's search page. */
export const languageUrls = (languages: readonly Language[]): string[] =>
  languages.length > 1 ? [translationsUrl, ...languages.filter((language) => !language.isDefault).map(searchUrl)] : [];

/** Folders the generator fills: no page may be published inside them. */
export const generatedFolders = ["/assets/", "/pagefind/"];

const segment = "[\\p{L}\\p{M}\\p{N}_~-][\\p{L}\\p{M}\\p{N}._~-]*";
const safeAddress = new RegExp(`^/(?:${segment}/)*(?:${segment})?$`, "u");

/**
 * Whether an address can be written as a file inside the site's folder and nowhere else: each of its parts is
 * letters (of any language), digits, hyphens, underscores, tildes and dots, and none is "." or ".." or starts
 * with a dot.
 */
export const isSafeAddress = (url: string): boolean => safeAddress.test(url);

/**
 * An address as a browser's URL parser reads it: spaces and control characters around it dropped, tabs and
 * line breaks inside it removed (`String.trim` drops more, such as a no-break space, which a browser keeps).
 */
// eslint-disable-next-line no-control-regex
export const asBrowsersRead = (url: string): string => url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");

/** The file an address is written to, inside the output folder: `/about/` → `about/index.html`. */
export const outputFileOf = (url: string): string => (url.endsWith("/") ? `${url}index.html` : url).replace(/^\//, "");

/** The address a page is reached at, as Eleventy gives it: a permalink `/contact/index.html` is `/contact/`. */
export const servedUrl = (url: string): string => url.replace(/\/index\.html$/, "/");

/** The address of a page: `about.md` → `/about/`, `guides/index.md` → `/guides/`, or its permalink. */
export function pageUrl(contentDir: string, file: string, permalink?: string): string {
  if (permalink) return permalink;
  const relative = path.relative(contentDir, file).split(path.sep).join("/").replace(/\.md$/, "");
  const withoutIndex = relative === "index" ? "" : relative.replace(/\/index$/, "");
  return withoutIndex ? `/${withoutIndex}/` : "/";
}
