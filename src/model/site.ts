import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { buildCatalog, catalogUrls, type Catalog } from "./catalog/catalog.ts";
import { chartIds } from "./catalog/metrics.ts";
import { normalizePrefix } from "../options.ts";
import { append, problem, type Problem } from "../problems/problems.ts";
import { dataSchemas, type SiteData } from "../schema/data.ts";
import { loadSiteData } from "./data.ts";
import { findContentFiles, megabytes, sizeLimits } from "./files.ts";
import { readCommitDates, type CommitDates } from "./git.ts";
import { judgeImage } from "./images.ts";
import { siteMapUrls } from "./page-lists.ts";
import { readPages, type ReadMemory, type ReadPage } from "./pages.ts";
import { today as todayInCalifornia } from "./review.ts";
import { generatedUrls, languageUrls } from "./addresses.ts";
import { checkLanguageSettings, siteLanguages, type Language } from "./languages.ts";
import { loadStrings, type LanguageStrings } from "./strings.ts";
import { readTranslations, type SiteTranslations } from "./translations.ts";
import { dataFolder } from "./data.ts";

export interface SiteOptions {
  /** The folder of Markdown pages, `_data/` and images: everything particular to one community's site. */
  contentDir: string;
  /** The folder served under, overriding the settings' `path_prefix` (a GitHub Pages project site: "/repo/"). */
  pathPrefix?: string;
  /** The day the site is built for, YYYY-MM-DD (reviews fall due against it); today in California by default. */
  today?: string;
  /** `npm start`: the pages as read at the last save, kept to read again only those a save changed. */
  memory?: ReadMemory;
}

export interface Redirect {
  /** The old address as written, in the letters it reads in: /es/año-nuevo/. */
  from: string;
  /** The same as a browser asks for it, percent-escaped (/es/a%C3%B1o-nuevo/): what hosts' redirect rules match. */
  requested: string;
  to: string;
  /** The language of the page it leads to, which its notice is written in. */
  lang: string;
}

/** A file the site publishes as it is, and its address. */
export interface PublishedFile {
  file: string;
  url: string;
}

/**
 * Everything a site is made of, read once from its content folder: what the checks judge and exactly what
 * Eleventy renders. Nothing in the content folder reaches the site except through this value.
 */
export interface SiteModel {
  contentDir: string;
  /** The folder the site is served under, "/" or "/repo/". */
  pathPrefix: string;
  today: string;
  /** The data files, when every one of them is valid. */
  data?: SiteData;
  /** Each data file's text, by its path, for the checks' line numbers. */
  dataTexts: Map<string, string>;
  /** Every page file, drafts and pages with mistakes included; `page` is unset when its front matter cannot be read. */
  pages: ReadPage[];
  /** The images, each judged an image of the kind its name says. */
  images: PublishedFile[];
  catalog?: Catalog;
  commits: CommitDates;
  /** Each published page's title by address, for breadcrumbs. */
  titles: Map<string, string>;
  /** The languages the site is published in, the default first; unknown (the default alone) while the settings have mistakes. */
  languages: Language[];
  /** Whether the settings could be read, and with them which folder holds which language. */
  languagesKnown: boolean;
  /** The layouts' words in each language, by its tag. */
  strings: Map<string, LanguageStrings>;
  /** Each strings file read, by its path: translators edit them, so their lines are checked as a page's are. */
  stringTexts: Map<string, string>;
  /** Each published drawing's text (an SVG is text), by its path: what it shows is checked as a page's lines are. */
  drawingTexts: Map<string, string>;
  /** Each page's language, its versions in the others, and how each translation stands. */
  translations: SiteTranslations;
  /** Old addresses, each sending readers on to a page. */
  redirects: Redirect[];
  /** Every address the generator makes itself: search, site map, sitemap, feeds, the catalog's pages. */
  generatedUrls: string[];
  /** What reading found: files refused, data and front matter that cannot be used. */
  problems: Problem[];
}

/** Reads a content folder into the one model of its site. */
export function loadSite(options: SiteOptions): SiteModel {
  const contentDir = path.resolve(options.contentDir);
  const today = options.today ?? todayInCalifornia();
  const files = findContentFiles(contentDir);
  const problems = [...files.problems, ...unknownDataFiles(files.dataFiles, contentDir)];
  const withinLimit = (file: string, limit: number, what: string, size = statSync(file).size) => {
    if (size <= limit) return true;
    problems.push(problem(file, 1, `this ${what} is ${megabytes(size) === megabytes(limit) ? `${size.toLocaleString("en")} bytes` : megabytes(size)}, more than the ${megabytes(limit)} one may be`, `make it smaller, or split it in two`));
    return false;
  };
  const { data, settings, problems: dataProblems, texts: dataTexts } = loadSiteData(contentDir, new Set(files.dataFiles.filter((file) => withinLimit(file, sizeLimits.data, "data file"))));
  for (const found of dataProblems) problems.push(found);
  const pathPrefix = normalizePrefix(options.pathPrefix ?? data?.settings.path_prefix ?? "/");
  const languages = siteLanguages(settings);
  const settingsFile = path.join(dataFolder(contentDir), "settings.yaml");
  if (settings) append(problems, checkLanguageSettings(settings, settingsFile, dataTexts.get(settingsFile) ?? ""));
  const strings = loadStrings(languages);
  append(problems, strings.problems);
  const pageFiles = files.pages.map((file) => ({ file, stats: statSync(file, { bigint: true }) }));
  const read = readPages(contentDir, pageFiles.filter(({ file, stats }) => withinLimit(file, sizeLimits.page, "page", Number(stats.size))), options.memory);
  append(problems, read.problems);

  const images: PublishedFile[] = [];
  const drawingTexts = new Map<string, string>();
  for (const file of files.images) {
    if (!withinLimit(file, sizeLimits.image, "image")) continue;
    const bytes = readFileSync(file);
    const refused = judgeImage(path.basename(file), bytes);
    if (refused) problems.push(problem(file, refused.line ?? 1, refused.message, refused.fix));
    else images.push({ file, url: `/${path.relative(contentDir, file).split(path.sep).join("/")}` });
    if (!refused && /\.svg$/i.test(file)) drawingTexts.set(file, bytes.toString("utf8"));
  }

  const inventories = new Set(files.inventories.filter((file) => withinLimit(file, sizeLimits.inventory, "inventory")));
  // Until every data file can be read, which inventories are listed is not known: saying none is would mislead.
  if (data) append(problems, unlistedInventories(files.inventories, data.inventories ?? []));
  const catalog = data?.inventories ? buildCatalog(contentDir, data.inventories, today, inventories) : undefined;
  const published = read.pages.filter((p) => p.page?.data && !p.page.data.draft);
  const titles = new Map(published.map((p) => [p.url, p.page!.data!.title]));
  const commits = readCommitDates(contentDir);
  const translations = readTranslations(contentDir, read.pages, languages, commits);
  const redirects = published.flatMap((p) => (p.page!.data!.redirect_from ?? []).map((from) => ({ from, requested: encodeURI(from), to: p.url, lang: translations.languageOf.get(p.file)!.tag })));
  const siteMap = siteMapUrls(read.pages.map(({ file, url, page }) => ({ url, data: { ...page?.data, source: file } })));
  const catalogAddresses = catalog ? catalogUrls(catalog, chartIds) : [];
  return {
    contentDir,
    pathPrefix,
    today,
    data,
    dataTexts,
    pages: read.pages,
    images,
    catalog,
    commits,
    languages,
    languagesKnown: settings !== undefined,
    strings: strings.strings,
    stringTexts: strings.texts,
    drawingTexts,
    translations,
    titles,
    redirects,
    generatedUrls: [...generatedUrls, ...languageUrls(languages), ...siteMap, ...catalogAddresses],
    problems,
  };
}

/** An inventory in code-json/ that inventories.yaml does not list is not published: say so, rather than ignore it. */
function unlistedInventories(files: readonly string[], listed: NonNullable<SiteData["inventories"]>): Problem[] {
  const names = new Set(listed.map((entry) => entry.file));
  return files
    .filter((file) => !names.has(path.basename(file)))
    .map((file) => problem(file, 1, `${path.basename(file)} is not listed in _data/inventories.yaml, so it is not published`, `add it there with its agency's name and acronym, or remove the file`, "warning"));
}

/** The data folder holds the YAML files the schemas describe, and nothing else: no code, no JSON read in their place. */
function unknownDataFiles(dataFiles: readonly string[], contentDir: string): Problem[] {
  const known = new Set(Object.keys(dataSchemas).map((name) => `${name}.yaml`));
  return dataFiles.flatMap((file) => {
    const relative = path.relative(contentDir, file).split(path.sep).join("/");
    const name = path.basename(file);
    if (known.has(name) && path.dirname(relative) === "_data") return [];
    const yamlName = `${name.replace(/\.[^.]+$/, "")}.yaml`;
    if (known.has(yamlName)) {
      return [problem(file, 1, `${relative} is not read: the site reads its data from ${yamlName}, in YAML`, `move what it says into _data/${yamlName}, then remove ${name}`)];
    }
    return [problem(file, 1, `${relative} is not a data file the site reads (it reads ${[...known].join(", ")})`, "remove it, or move what it says into one of those files")];
  });
}
