import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pagedUrls } from "../model/paging.ts";
import { problem, type Problem } from "../problems/problems.ts";
import type { Inventories } from "../schema/data.ts";
import { slugify } from "../model/slug.ts";
import { licenseName } from "./license-name.ts";
import { checkInventory, type Inventory, type Release } from "./validate.ts";

export const usageLabels: Record<string, string> = {
  openSource: "Open source",
  governmentWideReuse: "Government-wide reuse",
};
/** Open source, government-wide reuse, or one of the schema's exemptions. */
export const usageGroup = (usageType: string) => usageLabels[usageType] ?? "Exempt";

export interface CatalogRelease {
  agency: string;
  agencyName: string;
  name: string;
  description: string;
  licenses: string[];
  languages: string[];
  status?: string;
  usageType: string;
  usage: string;
  repositoryURL: string;
  homepageURL?: string;
  metadataLastUpdated?: string;
  /** In the combined /code.json: only releases that match the schema are. */
  inCombined: boolean;
  /** The release's page on the site. */
  url: string;
}

export interface CatalogAgency {
  acronym: string;
  name: string;
  website?: string;
  file: string;
  url: string;
  releases: CatalogRelease[];
  /** The inventory's problems, shown on the agency's page for its code coordinator. */
  problems: Problem[];
  /** The inventory as the agency published it, when it could be read. */
  inventory?: Inventory;
  invalidReleases: Set<number>;
  valid: boolean;
}

export interface Catalog {
  agencies: CatalogAgency[];
  releases: CatalogRelease[];
  problems: Problem[];
}

const isHttp = (value: unknown): value is string => typeof value === "string" && /^https?:\/\//.test(value);

function licenseNames(release: Release): string[] {
  const names = (release.permissions?.licenses ?? []).map((l) => (l?.name ?? "").trim()).filter((n) => n && n.toLowerCase() !== "none").map(licenseName);
  return names.length ? [...new Set(names)] : ["None given"];
}

/**
 * Every agency's inventory, checked, and its releases ready to show. An inventory with faults is published with
 * them shown: its faults are warnings here and listed on its agency's page, and only releases that match the
 * schema go into the combined /code.json.
 */
export function buildCatalog(contentDir: string, inventories: Inventories, today?: string): Catalog {
  const problems: Problem[] = [];
  const agencies = inventories.map((entry): CatalogAgency => {
    const file = path.join(contentDir, "code-json", entry.file);
    const acronym = entry.acronym.toLowerCase();
    const base = { acronym: entry.acronym, name: entry.name, website: entry.website, file, url: `/projects/${acronym}/`, releases: [] as CatalogRelease[] };
    if (!existsSync(file)) {
      const missing = problem(path.join(contentDir, "_data", "inventories.yaml"), 1, `the inventory ${entry.file} of ${entry.name} is not in content/code-json/`, "add the file, or correct its name in inventories.yaml");
      problems.push(missing);
      return { ...base, problems: [missing], invalidReleases: new Set(), valid: false };
    }
    const checked = checkInventory(file, readFileSync(file, "utf8"), { schemaSeverity: "warning", today });
    problems.push(...checked.problems);
    const seen = new Set<string>();
    const releases = (Array.isArray(checked.inventory?.releases) ? checked.inventory.releases : []).map((release, i): CatalogRelease => {
      let slug = slugify(String(release?.name ?? `release-${i + 1}`)) || `release-${i + 1}`;
      while (seen.has(slug)) slug = `${slug}-${i + 1}`;
      seen.add(slug);
      return {
        agency: entry.acronym,
        agencyName: entry.name,
        name: String(release?.name ?? `Release ${i + 1}`),
        description: String(release?.description ?? ""),
        licenses: licenseNames(release),
        languages: Array.isArray(release?.languages) ? release.languages.map(String).filter(Boolean) : [],
        status: typeof release?.status === "string" ? release.status : undefined,
        usageType: String(release?.permissions?.usageType ?? ""),
        usage: usageGroup(String(release?.permissions?.usageType ?? "")),
        repositoryURL: isHttp(release?.repositoryURL) ? release.repositoryURL : "",
        homepageURL: isHttp(release?.homepageURL) ? release.homepageURL : undefined,
        metadataLastUpdated: release?.date?.metadataLastUpdated,
        inCombined: checked.validOutsideReleases && !checked.invalidReleases.has(i),
        url: `${base.url}${slug}/`,
      };
    });
    return { ...base, releases, problems: checked.problems, inventory: checked.inventory, invalidReleases: checked.invalidReleases, valid: checked.valid };
  });
  return { agencies, releases: agencies.flatMap((a) => a.releases), problems };
}

/** The merged inventory of every agency, in the same schema: releases that match it, as their agencies wrote them. */
export function combinedInventory(catalog: Catalog, agencyName: string): Inventory {
  const releases = catalog.agencies.flatMap((agency) => (agency.inventory?.releases ?? []).filter((_, i) => agency.releases[i]?.inCombined));
  return { version: "2.0.0", agency: agencyName, measurementType: { method: "projects" }, releases };
}

/** The first page of the project list. */
export const projectListUrl = "/projects/";

/** The participation metrics, with each chart's CSV file beside it. */
export const metricsUrl = "/metrics/";

/** The first page of the table of every agency's releases. */
export const agencySharesUrl = `${metricsUrl}agencies/`;

/** Every address the catalog publishes, for the link checks. */
export function catalogUrls(catalog: Catalog, chartIds: readonly string[]): string[] {
  return [...pagedUrls(projectListUrl, catalog.releases.length), ...pagedUrls(agencySharesUrl, catalog.agencies.length), metricsUrl, "/code.json", ...chartIds.map((id) => `${metricsUrl}${id}.csv`), ...catalog.agencies.map((a) => a.url), ...catalog.releases.map((r) => r.url)];
}

export interface ReleaseGroup {
  agency: CatalogAgency;
  releases: CatalogRelease[];
  /** The agency's list began on an earlier page. */
  continued: boolean;
}

/** One page of the project list, by agency; an agency whose list began on the page before is marked continued. */
export function releaseGroups(releases: readonly CatalogRelease[], catalog: Catalog): ReleaseGroup[] {
  const groups: ReleaseGroup[] = [];
  for (const release of releases) {
    const last = groups.at(-1);
    if (last?.agency.acronym === release.agency) {
      last.releases.push(release);
      continue;
    }
    const agency = catalog.agencies.find((a) => a.acronym === release.agency)!;
    groups.push({ agency, releases: [release], continued: agency.releases[0] !== release });
  }
  return groups;
}

/** The search filters for projects, with every value the catalog has: agency, license, language and use. */
export function projectFilters(catalog: Catalog): { name: string; label: string; values: string[] }[] {
  const values = (pick: (release: CatalogRelease) => string[]) => [...new Set(catalog.releases.flatMap(pick))].sort((a, b) => a.localeCompare(b));
  return [
    { name: "agency", label: "Agency", values: catalog.agencies.map((a) => a.acronym) },
    { name: "license", label: "License", values: values((r) => r.licenses) },
    { name: "language", label: "Language", values: values((r) => r.languages) },
    { name: "usage", label: "Use", values: values((r) => [r.usage]) },
  ];
}
