import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { dataBlocks } from "./src/markdown/blocks.ts";
import { siteMapUrl, writtenPages } from "./src/model/page-lists.ts";
import { pagedList } from "./src/model/paging.ts";
import { loadSiteData } from "./src/model/data.ts";
import { filtersPlugin } from "./src/render/filters/index.ts";
import { headerPolicy } from "./src/render/csp.ts";
import { frontMatterEngines } from "./src/model/frontmatter.ts";
import { readCommitDates } from "./src/model/git.ts";
import { md } from "./src/markdown/markdown.ts";
import { siteMap } from "./src/model/pages.ts";
import { checkBeforeRebuild } from "./src/pipeline.ts";
import { report } from "./src/problems/report.ts";
import { generatorRoot, normalizePrefix, optionsFromEnvironment } from "./src/options.ts";
import { ContentError } from "./src/problems/problems.ts";
import { writeSearchIndex } from "./src/search/pagefind.ts";
import { today } from "./src/model/review.ts";
import { compileStyles } from "./src/render/styles.ts";
import { catalogPages, catalogTitles } from "./src/render/catalog-pages.ts";
import { catalogFor } from "./src/catalog/catalog.ts";

// Eleventy's config object is untyped JavaScript; this is the part of it the site uses.
type EleventyConfig = Parameters<typeof filtersPlugin>[0] & Record<string, any>;

export default function siteConfig(eleventyConfig: EleventyConfig) {
  const { contentDir, pathPrefix } = optionsFromEnvironment();
  const { data, problems } = loadSiteData(contentDir);
  if (!data) throw new ContentError(problems);
  const includes = path.join(generatorRoot, "_includes");
  const prefix = normalizePrefix(pathPrefix ?? data.settings.path_prefix);

  eleventyConfig.setInputDirectory(contentDir);
  eleventyConfig.setIncludesDirectory(path.relative(contentDir, includes));
  eleventyConfig.setDataDirectory("_data");
  // Pages are Markdown only; nunjucks serves the generated files (sitemap, robots.txt, stylesheet), never content.
  eleventyConfig.setTemplateFormats(["md", "njk"]);
  eleventyConfig.ignores.add(path.join(contentDir, "**", "*.njk"));
  eleventyConfig.setFrontMatterParsingOptions({ engines: frontMatterEngines });
  eleventyConfig.setLibrary("md", md({ blocks: dataBlocks(data) }));
  for (const [name, value] of Object.entries(data)) eleventyConfig.addGlobalData(name, value);
  for (const layout of ["base", "page", "home", "search"]) eleventyConfig.addLayoutAlias(layout, `${layout}.njk`);
  eleventyConfig.addGlobalData("layout", "page");
  eleventyConfig.addGlobalData("build", { year: new Date().getFullYear() });
  const catalog = data.inventories ? catalogFor(contentDir, data.inventories, today()) : undefined;
  // A function, so that each rebuild while serving sees the titles read before it.
  eleventyConfig.addGlobalData("pageTitles", () => new Map([...siteMap.titles, ...(catalog ? catalogTitles(catalog) : [])]));
  eleventyConfig.addGlobalData("redirects", () => siteMap.redirects);

  // Drafts are left out entirely: no page, no navigation entry, no sitemap line, nothing to index.
  eleventyConfig.addPreprocessor("drafts", "md", (pageData: { draft?: boolean }) => (pageData.draft ? false : undefined));
  eleventyConfig.addPlugin(filtersPlugin, { contentDir, settings: data.settings, commits: readCommitDates(contentDir), today: today(), pathPrefix: prefix });
  eleventyConfig.addPlugin(HtmlBasePlugin);

  eleventyConfig.addGlobalData("headerPolicy", headerPolicy());
  for (const name of ["sitemap.xml", "robots.txt", "_headers", "_redirects", "reviews.json"]) {
    eleventyConfig.addTemplate(`${name}.njk`, readFileSync(path.join(includes, "generated", `${name}.njk`), "utf8"), {
      permalink: `/${name}`,
      layout: false,
      eleventyExcludeFromCollections: true,
    });
  }
  eleventyConfig.addTemplate("assets/site.css.njk", `{% raw %}${compileStyles()}{% endraw %}`, {
    permalink: "/assets/site.css",
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  // A small page at each old address, sending readers (and search engines) on to where the page is now.
  eleventyConfig.addTemplate("redirect.njk", readFileSync(path.join(includes, "generated", "redirect.njk"), "utf8"), {
    pagination: { data: "redirects", size: 1, alias: "redirect" },
    permalink: (pageData: { redirect: { from: string } }) => (pageData.redirect.from.endsWith("/") ? `${pageData.redirect.from}index.html` : pageData.redirect.from),
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("site-map.njk", readFileSync(path.join(includes, "generated", "site-map.njk"), "utf8"), {
    ...pagedList("collections.all", siteMapUrl, "Site map", { before: writtenPages }),
    description: `Every page of ${data.settings.name}.`,
    layout: "base",
    eleventyExcludeFromCollections: true,
  });
  eleventyConfig.addTemplate("search.njk", "", {
    layout: "search",
    title: "Search",
    description: `Search the pages of ${data.settings.name}.`,
    permalink: "/search/",
    eleventyExcludeFromCollections: true,
  });
  if (catalog) eleventyConfig.addPlugin(catalogPages, { catalog, includes, siteName: data.settings.name, contentDir });
  eleventyConfig.addPassthroughCopy({ [path.join(contentDir, "images")]: "images" });
  eleventyConfig.addPassthroughCopy({ [path.join(includes, "assets")]: "assets" });
  eleventyConfig.addWatchTarget(includes);
  // A build reads and checks the pages before Eleventy starts; while serving, every change is read and checked
  // again before the rebuild, and its problems printed as `npm run check` prints them.
  eleventyConfig.on("eleventy.beforeWatch", () => {
    report(checkBeforeRebuild(contentDir));
  });
  // The data files and inventories are read here, once: a change to one runs this configuration again.
  for (const folder of ["_data", "code-json"]) eleventyConfig.addWatchTarget(path.join(contentDir, folder), { resetConfig: true });
  // `npm run build` indexes its staging folder before the swap; while serving, re-index after every rebuild.
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: { directories: { output: string }; runMode: string }) => {
    if (runMode === "build") return;
    const { errors } = await writeSearchIndex(directories.output, data.settings.language);
    for (const error of errors) console.error(`search index: ${error}`);
  });

  return {
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    pathPrefix: prefix,
  };
}
