import { readFileSync } from "node:fs";
import path from "node:path";
import { agencySharesUrl, combinedInventory, metricsUrl, projectFilters, projectListUrl, releaseGroups, type Catalog } from "../model/catalog/catalog.ts";
import { agencyShares, chartCsv, chartSvg, metrics } from "../model/catalog/metrics.ts";
import { pagedList } from "../model/paging.ts";
import { groupProblems } from "../problems/problems.ts";

const titles = { projects: "Open source projects", metrics: "Participation metrics", agencyShares: "Participation by agency" };

/** The catalog's pages that have pages below them, by address, for the breadcrumbs of those below. */
export function catalogTitles(catalog: Catalog): Map<string, string> {
  return new Map([[projectListUrl, titles.projects], [metricsUrl, titles.metrics], ...catalog.agencies.map((a): [string, string] => [a.url, a.name])]);
}

interface TemplateHost {
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data: object): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
}

/**
 * The open source catalog as pages: /projects/, a page per agency and per release, /metrics/ with its
 * charts and CSV files, and the combined /code.json. The templates are in `_includes/catalog/`.
 */
export function catalogPages(eleventyConfig: TemplateHost, { catalog, includes, siteName, contentDir }: { catalog: Catalog; includes: string; siteName: string; contentDir: string }): void {
  const template = (name: string) => readFileSync(path.join(includes, "catalog", name), "utf8");
  const inventoriesFile = path.join(contentDir, "_data", "inventories.yaml");
  const fileOf = (acronym: string) => catalog.agencies.find((a) => a.acronym === acronym)?.file;
  const charts = metrics(catalog);
  eleventyConfig.addGlobalData("catalog", catalog);
  eleventyConfig.addGlobalData("charts", charts);
  eleventyConfig.addGlobalData("agencyShares", agencyShares(catalog));
  eleventyConfig.addFilter("chartSvg", chartSvg);
  eleventyConfig.addFilter("problemGroups", groupProblems);
  eleventyConfig.addFilter("projectFilters", projectFilters);
  eleventyConfig.addFilter("releaseGroups", releaseGroups);
  eleventyConfig.addFilter("percent", (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "–"));

  eleventyConfig.addTemplate("catalog/projects.njk", template("projects.njk"), {
    ...pagedList("catalog.releases", projectListUrl, titles.projects),
    layout: "page",
    description: "Every project California agencies list in their code.json inventories, by agency.",
    source: inventoriesFile,
  });
  eleventyConfig.addTemplate("catalog/agency.njk", template("agency.njk"), {
    layout: "page",
    pagination: { data: "catalog.agencies", size: 1, alias: "agency", addAllPagesToCollections: true },
    permalink: (data: { agency: { url: string } }) => data.agency.url,
    eleventyComputed: {
      source: (data: { agency: { file: string } }) => data.agency.file,
      title: (data: { agency: { name: string } }) => data.agency.name,
      description: (data: { agency: { name: string; releases: unknown[] } }) => `The ${data.agency.releases.length} projects in the code.json inventory of ${data.agency.name}.`,
    },
  });
  eleventyConfig.addTemplate("catalog/release.njk", template("release.njk"), {
    layout: "page",
    pagination: { data: "catalog.releases", size: 1, alias: "release", addAllPagesToCollections: true },
    permalink: (data: { release: { url: string } }) => data.release.url,
    eleventyComputed: {
      source: (data: { release: { agency: string } }) => fileOf(data.release.agency),
      title: (data: { release: { name: string } }) => data.release.name,
      description: (data: { release: { description: string; agencyName: string } }) => data.release.description || `A project of ${data.release.agencyName}.`,
    },
  });
  eleventyConfig.addTemplate("catalog/agency-shares.njk", template("agency-shares.njk"), {
    ...pagedList("agencyShares", agencySharesUrl, titles.agencyShares),
    layout: "page",
    description: "Every agency's releases, how they may be used and when its code.json inventory was last updated.",
    source: inventoriesFile,
  });
  eleventyConfig.addTemplate("catalog/metrics.njk", template("metrics.njk"), {
    layout: "page",
    title: titles.metrics,
    description: "How many projects each agency has shared, how they may be reused, their licenses, languages and how fresh each inventory is.",
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
