import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pagedUrls } from "../paging.ts";
import { append, problem, type Problem } from "../../problems/problems.ts";
import { didYouMean } from "../../problems/suggest.ts";
import type { Inventories } from "../../schema/data.ts";
import type { StringName } from "../../schema/strings.ts";
import { slugify } from "../slug.ts";
import { cutAddressPart, maxAddressPart } from "../../schema/patterns.ts";
import type { Words } from "../strings.ts";
import { parseYaml } from "../yaml-source.ts";
import { licenseName } from "./license-name.ts";
import { dateOf, fieldsOf, isFields, isLinkable, listOf, textOf, textsOf } from "./read.ts";
import { checkInventory, type Inventory, type Release } from "./validate.ts";

/** How a release may be used, each shown in the site's words: open source, government-wide reuse, or exempt. */
export const usageWords = { openSource: "usage_open_source", governmentWideReuse: "usage_reuse", exempt: "usage_exempt" } as const satisfies Record<string, StringName>;
export type Usage = keyof typeof usageWords;
/** Open source, government-wide reuse, or one of the schema's exemptions (a usage type such as "toString" is no label of ours). */
export const usageGroup = (usageType: string): Usage => (usageType === "openSource" || usageType === "governmentWideReuse" ? usageType : "exempt");

export interface CatalogRelease {
  agency: string;
  agencyName: string;
  name: string;
  description: string;
  licenses: string[];
  languages: string[];
  status?: string;
  usageType: string;
  usage: Usage;
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
  /** The inventory as the agency published it, when it could be read: any JSON, to be read through ./read.ts. */
  inventory?: unknown;
  invalidReleases: Set<number>;
  /** Whether everything outside its releases matches the schema: otherwise none of its releases is in the combined /code.json. */
  validOutsideReleases: boolean;
  valid: boolean;
}

export interface Catalog {
  agencies: CatalogAgency[];
  releases: CatalogRelease[];
  problems: Problem[];
}

/** Whether a release goes into the combined /code.json: it and its inventory outside the releases match the schema. */
const inCombined = (agency: { validOutsideReleases: boolean; invalidReleases: Set<number> }, index: number) => agency.validOutsideReleases && !agency.invalidReleases.has(index);

function licenseNames(permissions: Record<string, unknown>): string[] {
  const names = listOf(permissions.licenses)
    .map((license) => textOf(fieldsOf(license).name)?.trim())
    .filter((name): name is string => !!name && name.toLowerCase() !== "none")
    .map(licenseName);
  return [...new Set(names)];
}

/**
 * The most releases the catalog shows, every inventory together: each is a page, and a catalog of 20,000 is built
 * within the 1 GB any one process of the build may use (60,000 took 1.6 GB). Those past it are not shown, and the
 * site is not published until the inventories list fewer.
 */
export const maxReleases = 20_000;

/**
 * Every agency's inventory, checked, and its releases ready to show. An inventory with faults is published with
 * them shown: its faults are warnings here and listed on its agency's page, and only releases that match the
 * schema go into the combined /code.json. `accepted` are the inventory files the site model let through; no other is read.
 */
export function buildCatalog(contentDir: string, inventories: Inventories, today?: string, accepted?: ReadonlySet<string>): Catalog {
  let room = maxReleases;
  const problems: Problem[] = [];
  const listing = path.join(contentDir, "_data", "inventories.yaml");
  const agencies = inventories.map((entry, index): CatalogAgency => {
    const file = path.join(contentDir, "code-json", entry.file);
    const acronym = entry.acronym.toLowerCase();
    const base = { acronym: entry.acronym, name: entry.name, website: entry.website, file, url: `/projects/${acronym}/`, releases: [] as CatalogRelease[] };
    // A file the site model refused (a symbolic link, one too large) has its problem already, and is never read.
    if (accepted && existsSync(file) && !accepted.has(file)) return { ...base, problems: [], invalidReleases: new Set(), validOutsideReleases: false, valid: false };
    if (!existsSync(file)) {
      const { line, column } = existsSync(listing) ? parseYaml(readFileSync(listing, "utf8")).position([index, "file"]) : { line: 1, column: undefined };
      const folder = path.join(contentDir, "code-json");
      const nearest = statSync(folder, { throwIfNoEntry: false })?.isDirectory() ? didYouMean(entry.file, readdirSync(folder).filter((name) => name.endsWith(".json"))) : undefined;
      // Names in inventories.yaml are in small letters: a file named in capitals is the one to rename.
      const fix = !nearest ? "add the file, or correct its name in inventories.yaml" : nearest.toLowerCase() === entry.file ? `rename the file ${nearest} to ${entry.file}` : `did you mean ${nearest}?`;
      const missing = problem(listing, line, `the inventory ${entry.file} of ${entry.name} is not in content/code-json/`, fix, "error", column);
      problems.push(missing);
      return { ...base, problems: [missing], invalidReleases: new Set(), validOutsideReleases: false, valid: false };
    }
    const checked = checkInventory(file, readFileSync(file), { schemaSeverity: "warning", today });
    append(problems, checked.problems);
    const seen = new Set<string>();
    const releases = listOf(fieldsOf(checked.inventory).releases).flatMap((release, i): CatalogRelease[] => {
      // An entry that is not a group of fields has nothing to show: its problem is on the agency's page.
      if (!isFields(release)) return [];
      const name = textOf(release.name)?.trim() || `Release ${i + 1}`;
      const named = cutAddressPart(slugify(name)) || `release-${i + 1}`;
      // A name another release's address has already gets this release's number, within an address part's length.
      const numbered = (number: string) => `${cutAddressPart(named.slice(0, maxAddressPart - number.length - 1))}-${number}`;
      let slug = named;
      for (let again = 1; seen.has(slug); again++) slug = numbered(again === 1 ? `${i + 1}` : `${i + 1}-${again}`);
      seen.add(slug);
      const permissions = fieldsOf(release.permissions);
      const usageType = textOf(permissions.usageType) ?? "";
      return [
        {
          agency: entry.acronym,
          agencyName: entry.name,
          name,
          description: textOf(release.description) ?? "",
          licenses: licenseNames(permissions),
          languages: textsOf(release.languages).filter(Boolean),
          status: textOf(release.status),
          usageType,
          usage: usageGroup(usageType),
          repositoryURL: isLinkable(release.repositoryURL) ? release.repositoryURL : "",
          homepageURL: isLinkable(release.homepageURL) ? release.homepageURL : undefined,
          metadataLastUpdated: dateOf(fieldsOf(release.date).metadataLastUpdated),
          inCombined: inCombined(checked, i),
          url: `${base.url}${slug}/`,
        },
      ];
    });
    const { inventory, invalidReleases, validOutsideReleases, valid } = checked;
    if (releases.length > room) {
      const tooMany = problem(file, 1, `the inventories list more than the ${maxReleases.toLocaleString("en")} releases the catalog can show: this one lists ${releases.length.toLocaleString("en")}, ${room.toLocaleString("en")} of which fit`, `list fewer inventories in _data/inventories.yaml, or fewer releases in this one`);
      problems.push(tooMany);
      checked.problems.push(tooMany);
    }
    const shown = releases.slice(0, room);
    room -= shown.length;
    return { ...base, releases: shown, problems: checked.problems, inventory, invalidReleases, validOutsideReleases, valid };
  });
  return { agencies, releases: agencies.flatMap((a) => a.releases), problems };
}

/** The merged inventory of every agency, in the same schema: releases that match it, as their agencies wrote them. */
export function combinedInventory(catalog: Catalog, agencyName: string): Inventory {
  const releases = catalog.agencies.flatMap((agency) => listOf(fieldsOf(agency.inventory).releases).filter((_, i) => inCombined(agency, i)) as Release[]);
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

/** A release's licenses as shown and filtered by: "None given" where it names none. */
export const shownLicenses = (release: CatalogRelease, words: Words): string[] => (release.licenses.length ? release.licenses : [words("catalog_none_given")]);

/** The search filters for projects, with every value the catalog has: agency, license, language and use. */
export function projectFilters(catalog: Catalog, words: Words): { name: string; label: string; values: string[] }[] {
  const values = (pick: (release: CatalogRelease) => string[]) => [...new Set(catalog.releases.flatMap(pick))].sort((a, b) => a.localeCompare(b));
  return [
    { name: "agency", label: words("catalog_agency"), values: catalog.agencies.map((a) => a.acronym) },
    { name: "license", label: words("catalog_license"), values: values((r) => shownLicenses(r, words)) },
    { name: "language", label: words("catalog_language"), values: values((r) => r.languages) },
    { name: "usage", label: words("catalog_use"), values: values((r) => [words(usageWords[r.usage])]) },
  ];
}
