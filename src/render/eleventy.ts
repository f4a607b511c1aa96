import { copyFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { assetsFolder, isSafeAddress, outputFileOf, servedUrl } from "../model/addresses.ts";
import { siteMapUrl, writtenPages } from "../model/page-lists.ts";
import { pagedList } from "../model/paging.ts";
import type { SiteModel } from "../model/site.ts";
import { generatorRoot, renderInput } from "../options.ts";
import { problemListHtml } from "../problems/problem-list.ts";
import { ContentError, displayPath, printable, type Problem } from "../problems/problems.ts";
import { writeSearchIndex } from "../search/pagefind.ts";
import { catalogPages, catalogTitles } from "./catalog-pages.ts";
import { headerPolicy } from "./csp.ts";
import { filtersPlugin } from "./filters/index.ts";
import { safeEngines } from "../model/frontmatter.ts";
import { prefixAddresses } from "./path-prefix.ts";
import { compileStyles } from "./styles.ts";
import { LanguageVersions, localMenus, pageLanguage } from "./languages.ts";
import { searchUrl, translationsUrl } from "../model/addresses.ts";
import { rowsByPage, translationRows, versionsByUrl, type TranslationRow } from "../model/translations.ts";
import { wordsOf } from "../model/strings.ts";

/** Eleventy's config object is untyped JavaScript; this is the part of it the site uses. */
export type EleventyConfig = Parameters<typeof filtersPlugin>[0] & Record<string, any>;

const includes = path.join(generatorRoot, "_includes");
const layouts = ["base", "page", "home", "search"];
/** The file type Eleventy knows the model's pages by. */
const checkedPageExtension = "checked-page";

/** Each page's checked HTML, by its file: a Map, or pages still arriving from the checks. */
export interface PageBodies {
  get(file: string): string | Promise<string> | undefined;
}

/** The site as the checks left it: its model, and each page's body as HTML, as the checks judged it. */
export interface RenderableSite {
  model: SiteModel;
  /**
   * Each page's HTML by its file; a promise for a page still being checked while Eleventy lays out the site (the
   * build's rendering process), awaited where the layout places the body, so the site is laid out meanwhile.
   */
  bodies: PageBodies;
  /** The problems found; while previewing, a page with errors shows them instead of its content. */
  problems: readonly Problem[];
}

export interface RenderOptions {
  /** Index the written site for search after each build (the CLI and the preview; the pipeline indexes its own staging folder). */
  indexSearch: boolean;
  /** `npm start`: pages with errors are shown with their problems, never as if published. */
  preview?: boolean;
  /** Called once each build is written (and indexed), with every file it wrote, by full path. */
  afterBuild?: (written: ReadonlySet<string> | undefined) => void;
  /**
   * `npm start`: render only these pages (by file), and nothing else of the site: the pages a save changed, or a
   * page asked for before the first whole build, shown while the whole site is built behind them. The home page,
   * which lists the others, lists them from the model, so it can be rendered alone too.
   */
  only?: ReadonlySet<string>;
}

/** An Eleventy that renders exactly the prepared site, and nothing it finds on its own. */
export function siteEleventy(site: () => RenderableSite, outputDir: string, options: RenderOptions & { pathPrefix: string }) {
  return new Eleventy(renderInput, outputDir, {
    pathPrefix: options.pathPrefix,
    configPath: false,
    config: (eleventyConfig: EleventyConfig) => configureSite(eleventyConfig, site(), options),
    quietMode: true,
  });
}

/** Configures Eleventy to render exactly the model's pages and the files the generator makes. */
export function configureSite(eleventyConfig: EleventyConfig, site: RenderableSite, options: RenderOptions) {
  const { model } = site;
  // Eleventy warns of a slow filter on the console ("[11ty] Benchmark …"), whatever its logger and quiet mode: words
  // for the generator's developers, which reached editors' terminals when a busy machine slowed a filter down.
  eleventyConfig.benchmarkManager.setVerboseOutput(false);
  for (const group of Object.values(eleventyConfig.benchmarkManager.get() as Record<string, { setIsVerbose(verbose: boolean): void }>)) group.setIsVerbose(false);
  const data = model.data;
  // The pages a save changed are rendered in the preview's own thread, save after save: Eleventy's cache of layouts
  // (and the filters they were compiled with) would otherwise keep the first save's site. A whole build has a thread of its own.
  if (options.only) eleventyConfig.setUseTemplateCache(false);
  eleventyConfig.setInputDirectory(renderInput);
  eleventyConfig.setIncludesDirectory(path.relative(renderInput, includes));
  eleventyConfig.setDataDirectory("_data");
  // Template and directory data files are never looked for: no content folder file is read behind the model's back.
  eleventyConfig.setDataFileSuffixes([]);
  // A page arrives as the HTML the checks judged, and is used as it is: no template language ever reads it.
  eleventyConfig.addExtension(checkedPageExtension, { compile: (html: string) => () => html });
  eleventyConfig.setTemplateFormats([checkedPageExtension, "njk"]);
  // A change anywhere in the content folder reads the model again, so a rebuild renders what is there now.
  eleventyConfig.addWatchTarget(model.contentDir, { resetConfig: true });
  eleventyConfig.addWatchTarget(includes);
  if (!data) {
    // Nothing can be rendered without valid data files; while previewing, the last build stays, its pages listing the errors.
    if (!options.preview) throw new ContentError([...site.problems]);
    eleventyConfig.on("eleventy.after", () => options.afterBuild?.(undefined));
    return { pathPrefix: model.pathPrefix };
  }
  // Only the layouts have front matter, and it never runs code.
  eleventyConfig.setFrontMatterParsingOptions({ engines: safeEngines });
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true });
  for (const [name, value] of Object.entries(data)) eleventyConfig.addGlobalData(name, value);
  for (const layout of layouts) eleventyConfig.addLayoutAlias(layout, `${layout}.njk`);
  eleventyConfig.addGlobalData("layout", "page");
  // The year of the day the site is built for, so one build never straddles two days or two years.
  eleventyConfig.addGlobalData("build", { year: Number(model.today.slice(0, 4)) });
  const { catalog } = model;
  // The catalog is published in the site's own language.
  const defaultWords = wordsOf(model.strings.get(model.languages[0]!.tag)!);
  eleventyConfig.addGlobalData("pageTitles", new Map([...model.titles, ...(catalog ? catalogTitles(catalog, defaultWords) : [])]));

  const rows = translationRows(model.translations);
  eleventyConfig.addPlugin(filtersPlugin, { contentDir: model.contentDir, settings: data.settings, commits: model.commits, today: model.today, pathPrefix: model.pathPrefix, strings: model.strings, translations: rows, searchUrls: new Set(model.languages.map(searchUrl)) });
  // Every page speaks a language: its own, or for the pages the generator makes, the default one unless they say.
  eleventyConfig.addGlobalData("languages", model.languages);
  const versions = versionsByUrl(model.pages, model.translations);
  // The search pages are one page in each language.
  const searchPages = new Map(model.languages.map((language) => [language.tag, searchUrl(language)]));
  if (searchPages.size > 1) for (const url of searchPages.values()) versions.set(url, searchPages);
  eleventyConfig.addGlobalData("menus", localMenus(data.navigation, model.languages, versions));
  const languageVersions = new LanguageVersions(model.languages, versions);
  eleventyConfig.addFilter("alternates", (url: string) => languageVersions.alternates(url));
  eleventyConfig.addFilter("languageLinks", (url: string, lang: string) => languageVersions.links(url, lang));
  for (const [name, value] of Object.entries(pageLanguage(model, undefined))) eleventyConfig.addGlobalData(name, value);
  if (model.pathPrefix !== "/") {
    eleventyConfig.addTransform("pathPrefix", function (this: { page: { outputPath: string | false } }, html: string) {
      return String(this.page.outputPath).endsWith(".html") ? prefixAddresses(html, model.pathPrefix) : html;
    });
  }
  eleventyConfig.addGlobalData("headerPolicy", headerPolicy());
  // A page's body: its checked HTML, waited for here, in the layout, when it is still arriving; otherwise the
  // content it was given (the generator's own pages, and a page with problems while previewing).
  eleventyConfig.addAsyncFilter("checkedBody", async (content: string, file?: string) => {
    const body = file === undefined ? undefined : site.bodies.get(file);
    return body === undefined || typeof body === "string" ? content : body;
  });

  if (options.only) {
    addPages(eleventyConfig, site, true, options.only);
    return { pathPrefix: model.pathPrefix };
  }
  const taken = addPages(eleventyConfig, site, options.preview ?? false);
  // An old address that a page or another redirect already has is an error the checks name; while previewing, it is left out.
  const redirects = model.redirects.filter(({ from }) => isSafeAddress(from) && !taken.has(from) && !taken.has(from.replace(/\/?$/, "/")) && taken.add(from));
  eleventyConfig.addGlobalData("redirects", redirects);
  // A language's own "page not found", for the addresses under its folder (Netlify's _redirects; Cloudflare Pages finds it by itself).
  eleventyConfig.addGlobalData(
    "notFoundPages",
    model.languages.filter((language) => !language.isDefault && taken.has(`${language.home}404.html`)).map((language) => ({ folder: language.home, page: `${language.home}404.html` })),
  );
  addGeneratedFiles(eleventyConfig, model, rows);
  if (catalog) eleventyConfig.addPlugin(catalogPages, { catalog, includes, siteName: data.settings.name, contentDir: model.contentDir, words: defaultWords, lang: model.languages[0]!.tag });

  eleventyConfig.on("eleventy.after", async ({ directories, results }: { directories: { output: string }; results: { outputPath: string | false }[] }) => {
    const copied = copyFiles(model, directories.output);
    const pages = results.flatMap((result) => (result.outputPath ? [path.resolve(result.outputPath)] : []));
    if (options.indexSearch) {
      const { errors } = await writeSearchIndex(directories.output);
      for (const error of errors) console.error(`search index: ${printable(error)}`);
    }
    options.afterBuild?.(new Set([...pages, ...copied]));
  });
  // Read from a configuration file's return; the pipeline gives Eleventy the same prefix as an option.
  return { pathPrefix: model.pathPrefix };
}

/**
 * The model's images and the generator's assets, each copied by its own path: Eleventy's passthrough copy reads a
 * path as a pattern, and `images/[_]x.svg` would publish a file the model never accepted.
 */
function copyFiles(model: SiteModel, outputDir: string): string[] {
  const copies = [...model.images.map((image) => [image.file, image.url] as const), ...readdirSync(assetsFolder).map((name) => [path.join(assetsFolder, name), `/assets/${name}`] as const)];
  return copies.map(([file, url]) => {
    const target = path.resolve(outputDir, outputFileOf(url));
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(file, target);
    return target;
  });
}

/** Each published page, as the HTML the checks judged, at the address the model gave it; returns every address taken. */
function addPages(eleventyConfig: EleventyConfig, { model, bodies, problems }: RenderableSite, preview: boolean, only?: ReadonlySet<string>): Set<string> {
  const taken = new Set(model.generatedUrls);
  const errorsByFile = new Map<string, Problem[]>();
  for (const p of problems) if (p.severity === "error") errorsByFile.set(p.file, [...(errorsByFile.get(p.file) ?? []), p]);
  // Every published page, for the lists of pages (the home page's): the same whether one page is rendered or all.
  const sitePages: { url: string; data: Record<string, unknown> }[] = [];
  for (const { file, url, page } of model.pages) {
    const data = page?.data;
    const errors = errorsByFile.get(displayPath(file)) ?? [];
    if ((!data && !preview) || data?.draft || !isSafeAddress(url) || taken.has(url)) continue;
    taken.add(url);
    const shown = preview && errors.length ? { body: problemList(errors), title: data?.title ?? path.basename(file), description: "This page has problems to fix before it can be published." } : undefined;
    const pageData = {
      ...data,
      ...(shown && { title: shown.title, description: shown.description, layout: "page" }),
      ...pageLanguage(model, file),
      source: file,
      permalink: url,
    };
    sitePages.push({ url: servedUrl(url), data: pageData });
    if (only && !only.has(file)) continue;
    const body = bodies.get(file);
    eleventyConfig.addTemplate(path.relative(model.contentDir, file).replace(/\.md$/, `.${checkedPageExtension}`), shown?.body ?? (typeof body === "string" ? body : ""), pageData);
  }
  eleventyConfig.addGlobalData("sitePages", sitePages);
  return taken;
}

/** While previewing, what a page with errors shows instead of its content: its problems, where to fix them. */
function problemList(errors: readonly Problem[]): string {
  return problemListHtml("<h2>This page is not published yet: fix these problems first</h2>", errors);
}

/** The files every site has: sitemap, robots.txt, hosts' header and redirect files, the review list, styles, site map, search, old addresses. */
function addGeneratedFiles(eleventyConfig: EleventyConfig, model: SiteModel, translationStatus: readonly TranslationRow[]) {
  const siteName = model.data!.settings.name;
  const words = (lang: string) => wordsOf(model.strings.get(lang)!);
  const defaults = words(model.languages[0]!.tag);
  const generated = (name: string) => readFileSync(path.join(includes, "generated", name), "utf8");
  for (const name of ["sitemap.xml", "robots.txt", "_headers", "_redirects", "reviews.json"]) {
    eleventyConfig.addTemplate(`${name}.njk`, generated(`${name}.njk`), { permalink: `/${name}`, layout: false, eleventyExcludeFromCollections: true });
  }
  eleventyConfig.addTemplate("assets/site.css.njk", `{% raw %}${compileStyles()}{% endraw %}`, {
    permalink: "/assets/site.css",
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  // A small page at each old address, sending readers (and search engines) on to where the page is now.
  eleventyConfig.addTemplate("redirect.njk", generated("redirect.njk"), {
    pagination: { data: "redirects", size: 1, alias: "redirect" },
    permalink: (pageData: { redirect: { from: string } }) => (pageData.redirect.from.endsWith("/") ? `${pageData.redirect.from}index.html` : pageData.redirect.from),
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("site-map.njk", generated("site-map.njk"), {
    ...pagedList("collections.all", siteMapUrl, defaults("site_map_title"), defaults, { before: writtenPages }),
    description: defaults("site_map_description", { site: siteName }),
    layout: "base",
    eleventyExcludeFromCollections: true,
  });
  for (const language of model.languages) {
    eleventyConfig.addTemplate(`search-${language.tag}.njk`, "", {
      layout: "search",
      title: words(language.tag)("search_title"),
      description: words(language.tag)("search_description", { site: siteName }),
      permalink: searchUrl(language),
      eleventyExcludeFromCollections: true,
      ...pageLanguage(model, undefined, language),
    });
  }
  if (model.languages.length > 1) {
    eleventyConfig.addTemplate("translations.njk", generated("translations.njk"), {
      layout: "base",
      title: defaults("translations_title"),
      description: defaults("translations_description", { site: siteName }),
      permalink: translationsUrl,
      eleventyExcludeFromCollections: true,
      translationStatus: rowsByPage(translationStatus, model.languages),
    });
  }
}
