import { readFileSync } from "node:fs";
import path from "node:path";
import { agencySharesUrl, combinedInventory, metricsUrl, projectFilters, projectListUrl, releaseGroups, shownLicenses, usageWords, type Catalog, type CatalogRelease, type Usage } from "../model/catalog/catalog.ts";
import { agencyShares, chartCsv, chartSvg, metrics } from "../model/catalog/metrics.ts";
import { pagedList } from "../model/paging.ts";
import type { Words } from "../model/strings.ts";
import { groupProblems, printable, type Problem } from "../problems/problems.ts";

/** The catalog's pages that have pages below them, by address, for the breadcrumbs of those below. */
export function catalogTitles(catalog: Catalog, words: Words): Map<string, string> {
  return new Map([[projectListUrl, words("catalog_projects_title")], [metricsUrl, words("catalog_metrics_title")], ...catalog.agencies.map((a): [string, string] => [a.url, a.name])]);
}

/** The filters the catalog's templates use, in the words of the site's language (`lang`) and with its numbers. */
export function catalogFilters(words: Words, lang: string) {
  const percent = new Intl.NumberFormat(lang, { style: "percent" });
  return {
    chartSvg,
    // An inventory's faults quote what it holds: shown as the log shows them, a hidden character written as \u202e.
    problemGroups: (problems: Problem[]) => groupProblems(problems).map((group) => ({ ...group, message: printable(group.message), fix: group.fix && printable(group.fix) })),
    projectFilters: (catalog: Catalog) => projectFilters(catalog, words),
    usageName: (usage: Usage) => words(usageWords[usage]),
    shownLicenses: (release: CatalogRelease) => shownLicenses(release, words),
    releaseGroups,
    percent: (part: number, whole: number) => (whole ? percent.format(part / whole) : "–"),
  };
}

interface TemplateHost {
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data: object): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

/**
 * The open source catalog as pages: /projects/, a page per agency and per release, /metrics/ with its
 * charts and CSV files, and the combined /code.json. The templates are in `_includes/catalog/`; their words,
 * in the site's own language, come from its strings.
 */
export function catalogPages(eleventyConfig: TemplateHost, { catalog, includes, siteName, contentDir, words, lang }: { catalog: Catalog; includes: string; siteName: string; contentDir: string; words: Words; lang: string }): void {
  const template = (name: string) => readFileSync(path.join(includes, "catalog", name), "utf8");
  const inventoriesFile = path.join(contentDir, "_data", "inventories.yaml");
  const fileOf = (acronym: string) => catalog.agencies.find((a) => a.acronym === acronym)?.file;
  const charts = metrics(catalog, words);
  eleventyConfig.addGlobalData("catalog", catalog);
  eleventyConfig.addGlobalData("charts", charts);
  eleventyConfig.addGlobalData("agencyShares", agencyShares(catalog));
  for (const [name, filter] of Object.entries(catalogFilters(words, lang))) eleventyConfig.addFilter(name, filter);

  eleventyConfig.addTemplate("catalog/projects.njk", template("projects.njk"), {
    ...pagedList("catalog.releases", projectListUrl, words("catalog_projects_title"), words),
    layout: "page",
    description: words("catalog_projects_description"),
    source: inventoriesFile,
  });
  eleventyConfig.addTemplate("catalog/agency.njk", template("agency.njk"), {
    layout: "page",
    pagination: { data: "catalog.agencies", size: 1, alias: "agency", addAllPagesToCollections: true },
    permalink: (data: { agency: { url: string } }) => data.agency.url,
    eleventyComputed: {
      source: (data: { agency: { file: string } }) => data.agency.file,
      title: (data: { agency: { name: string } }) => data.agency.name,
      description: (data: { agency: { name: string; releases: unknown[] } }) => words("catalog_agency_description", { count: data.agency.releases.length, agency: data.agency.name }),
    },
  });
  eleventyConfig.addTemplate("catalog/release.njk", template("release.njk"), {
    layout: "page",
    pagination: { data: "catalog.releases", size: 1, alias: "release", addAllPagesToCollections: true },
    permalink: (data: { release: { url: string } }) => data.release.url,
    eleventyComputed: {
      source: (data: { release: { agency: string } }) => fileOf(data.release.agency),
      title: (data: { release: { name: string } }) => data.release.name,
      description: (data: { release: { description: string; agencyName: string } }) => data.release.description || words("catalog_release_description", { agency: data.release.agencyName }),
    },
  });
  eleventyConfig.addTemplate("catalog/agency-shares.njk", template("agency-shares.njk"), {
    ...pagedList("agencyShares", agencySharesUrl, words("catalog_shares_title"), words),
    layout: "page",
    description: words("catalog_shares_description"),
    source: inventoriesFile,
  });
  eleventyConfig.addTemplate("catalog/metrics.njk", template("metrics.njk"), {
    layout: "page",
    title: words("catalog_metrics_title"),
    description: words("catalog_metrics_description"),
    permalink: metricsUrl,
    source: inventoriesFile,
  });
  for (const chart of charts) {
    eleventyConfig.addTemplate(`catalog/${chart.id}.csv.njk`, "{{ csv | safe }}", { permalink: `${metricsUrl}${chart.id}.csv`, layout: false, eleventyExcludeFromCollections: true, csv: chartCsv(chart) });
  }
  eleventyConfig.addTemplate("catalog/code.json.njk", "{{ combined | safe }}", {
    permalink: "/code.json",
    layout: false,
    eleventyExcludeFromCollections: true,
    combined: JSON.stringify(combinedInventory(catalog, siteName), null, 2),
  });
}
