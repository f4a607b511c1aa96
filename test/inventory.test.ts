import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { buildCatalog, catalogUrls, combinedInventory, maxReleases, projectFilters, releaseGroups, type Catalog } from "../src/model/catalog/catalog.ts";
import { jsonFault, maxNesting } from "../src/model/catalog/inventory-text.ts";
import { agencyShares, chartCsv, chartSvg, metrics } from "../src/model/catalog/metrics.ts";
import { isWebAddress } from "../src/model/catalog/read.ts";
import { checkInventory, codeGovSchema } from "../src/model/catalog/validate.ts";
import { describeField } from "../src/problems/error-map.ts";
import { formatProblem } from "../src/problems/problems.ts";
import { siteLanguages } from "../src/model/languages.ts";
import { loadStrings, translate, wordsOf } from "../src/model/strings.ts";
import { catalogFilters } from "../src/render/catalog-pages.ts";
import { readableDate } from "../src/render/filters/dates.ts";
import type { StringName } from "../src/schema/strings.ts";
import { parse } from "node-html-parser";
import { maxAddressPart } from "../src/schema/patterns.ts";
import { fixtures, problemLines, root, runScript, tempDir } from "./helpers.ts";

const fixture = (name: string) => path.join("test", "fixtures", "code-json", name);
const check = (file: string) => checkInventory(file, readFileSync(path.join(root, file)), { today: "2026-11-23" });
const fixtureText = (name: string) => readFileSync(path.join(fixtures, "code-json", name), "utf8");

/** The code.gov schema, validating as GSA wrote it: addresses as any URI, the site's own check aside. */
function schemaValidator() {
  const ajv = new Ajv.default({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

/** A catalog of inventories written into a fresh content folder, one agency to an inventory. */
function catalogOf(inventories: Record<string, string | Uint8Array>): Catalog {
  const content = tempDir();
  mkdirSync(path.join(content, "code-json"));
  for (const [file, text] of Object.entries(inventories)) writeFileSync(path.join(content, "code-json", file), text);
  return buildCatalog(content, Object.keys(inventories).map((file, i) => ({ file, name: `Agency ${i + 1}`, acronym: `A${i + 1}` })), "2026-11-23");
}

const templates = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(root, "_includes")), { autoescape: true });
const english = loadStrings(siteLanguages(undefined)).strings.get("en")!;
const words = wordsOf(english);
for (const [name, filter] of Object.entries(catalogFilters(words, "en"))) templates.addFilter(name, filter as (...args: unknown[]) => unknown);
templates.addFilter("t", (name: StringName, _lang: string, params?: Record<string, unknown>) => translate(english, name, params));
templates.addFilter("tText", (name: StringName, _lang: string, params?: Record<string, unknown>) => words(name, params));
templates.addFilter("timeElement", (date: string) => new nunjucks.runtime.SafeString(`<time datetime="${date}">${readableDate(date)}</time>`));

/**
 * Everything the site makes of a catalog, as its pages, CSV files and /code.json do: the release and agency
 * pages rendered from their templates, the charts, the tables, the filters and the combined inventory.
 */
function publish(catalog: Catalog) {
  const charts = metrics(catalog, words);
  const pages = [
    ...catalog.releases.map((release) => templates.render("catalog/release.njk", { release })),
    ...catalog.agencies.map((agency) => templates.render("catalog/agency.njk", { agency })),
  ].join("\n");
  for (const release of catalog.releases) {
    // What the release pages' front matter is computed from: a title and a description.
    expect(release.name.trim(), release.url).not.toBe("");
    expect(typeof release.description).toBe("string");
  }
  // The project list, the table of agencies, the search filters and the link checks' addresses.
  releaseGroups(catalog.releases, catalog);
  agencyShares(catalog);
  projectFilters(catalog, words);
  catalogUrls(catalog, charts.map((chart) => chart.id));
  return {
    /** The pages, the charts and their CSV files, to look for what a value of the wrong type would leave ("undefined"). */
    text: [pages, ...charts.map(chartCsv), ...charts.map(chartSvg)].join("\n"),
    links: [...pages.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!),
    combined: combinedInventory(catalog, "Code California"),
  };
}

/** A link a page may have: within the site (not "//elsewhere"), or a web address. */
const safeLink = (href: string) => /^(\/(?!\/)|https?:\/\/\S)/.test(href);

describe("validating a code.json inventory", () => {
  it("passes a valid inventory", () => {
    const result = check(fixture("valid.json"));
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("reports each kind of schema error with the file, the line and the JSON path, and what a reader would trip on", () => {
    expect(check(fixture("faults.json")).problems.map(formatProblem)).toEqual([
      'test/fixtures/code-json/faults.json:11:40 error: "URL" in the entry "none" of "licenses" in "permissions" in the entry "bus-times" of "releases": "none" is not a web address starting with https:// — write the whole address, starting with https://, or leave the field out if there is none',
      'test/fixtures/code-json/faults.json:12:9 error: "usageType" in "permissions" in the entry "bus-times" of "releases": "opensource" is not one of openSource, governmentWideReuse, exemptByLaw, exemptByNationalSecurity, exemptByAgencySystem, exemptByAgencyMission, exemptByCIO, exemptByPolicyDate — use one of the values listed (the case matters)',
      'test/fixtures/code-json/faults.json:14:7 error: "laborHours" in the entry "bus-times" of "releases": "many" should be a number — write a number here',
      'test/fixtures/code-json/faults.json:15:7 warning: "tags" in the entry "bus-times" of "releases": has no tags — add a few words people would search for',
      'test/fixtures/code-json/faults.json:16:20 warning: "email" in "contact" in the entry "bus-times" of "releases": is empty — give an address people can write to about this project',
      'test/fixtures/code-json/faults.json:17:17 error: "created" in "date" in the entry "bus-times" of "releases": "2020-13-40" is not a real date written YYYY-MM-DD — write the date like 2025-06-30',
      'test/fixtures/code-json/faults.json:17:42 warning: "metadataLastUpdated" in "date" in the entry "bus-times" of "releases": 2099-01-01 is in the future — give the date it really happened',
      'test/fixtures/code-json/faults.json:20:5 error: "name" in the second entry of "releases": is missing — add "name"',
    ]);
  });

  it("points at each fault's column, so that an inventory written on one line, or with lines ended by a carriage return alone, is still told apart", () => {
    const text = fixtureText("faults.json");
    const faultsIn = (inventory: string) => checkInventory("faults.json", inventory, { today: "2026-11-23" }).problems;
    const places = (inventory: string) => faultsIn(inventory).map((p) => `${p.line}:${p.column}`);
    expect(places(text.replace(/\n/g, "\r"))).toEqual(places(text));
    expect(places(text.replace(/\n/g, "\r\n"))).toEqual(places(text));
    const oneLine = JSON.stringify(JSON.parse(text));
    const found = faultsIn(oneLine);
    expect(found.map((p) => p.line)).toEqual(found.map(() => 1));
    // Each column is where the field its message names is written; a missing name, where its entry starts.
    const fields = ['"URL"', '"usageType"', '"laborHours"', '"tags"', '"email"', '"created"', '"metadataLastUpdated"', '{"description"'];
    expect(found.map((p, i) => oneLine.slice(p.column! - 1, p.column! - 1 + fields[i]!.length))).toEqual(fields);
  });

  it("warns of labor hours below zero, which the schema lets through", () => {
    const inventory = JSON.parse(fixtureText("valid.json")) as { releases: { laborHours: number }[] };
    inventory.releases[0]!.laborHours = -40;
    const text = JSON.stringify(inventory, null, 2);
    const line = text.slice(0, text.indexOf('"laborHours"')).split("\n").length;
    expect(checkInventory("code.json", text).problems.map(formatProblem)).toEqual([
      `code.json:${line}:7 warning: "laborHours" in the entry "bus-times" of "releases": is -40, below zero — give the hours spent building the project, even roughly`,
    ]);
  });

  it("warns of an address on a private network or the reader's own computer, which the catalog's pages do not link", () => {
    const inventory = JSON.parse(fixtureText("valid.json")) as { releases: Record<string, unknown>[] };
    Object.assign(inventory.releases[0]!, { repositoryURL: "https://127.0.0.1/bus-times", homepageURL: "http://[::1]/", relatedCode: [{ name: "Router", URL: "http://192.168.1.1/reboot" }] });
    (inventory.releases[0]!.permissions as { licenses: { URL: string }[] }).licenses[0]!.URL = "http://intranet/license";
    const text = JSON.stringify(inventory, null, 2);
    const at = (field: string, from = 0) => {
      const offset = text.indexOf(`"${field}"`, from);
      return `${text.slice(0, offset).split("\n").length}:${offset - text.lastIndexOf("\n", offset)}`;
    };
    const said = (place: string, field: string, where: string) =>
      `code.json:${place} warning: ${field} of "releases": goes to ${where}, which readers cannot reach — give the address the public reaches it at: the site's pages do not link to this one`;
    expect(checkInventory("code.json", text).problems.map(formatProblem)).toEqual([
      said(at("repositoryURL"), '"repositoryURL" in the entry "bus-times"', "the reader's own computer (127.0.0.1)"),
      said(at("URL", text.indexOf('"licenses"')), '"URL" in the entry "MIT License" of "licenses" in "permissions" in the entry "bus-times"', "a computer on a private network (intranet)"),
      said(at("homepageURL"), '"homepageURL" in the entry "bus-times"', "the reader's own computer (::1)"),
      said(at("URL", text.indexOf('"relatedCode"')), '"URL" in the entry "Router" of "relatedCode" in the entry "bus-times"', "a computer on a private network (192.168.1.1)"),
    ]);
    const [release] = catalogOf({ "code.json": text }).agencies[0]!.releases;
    expect(release).toMatchObject({ repositoryURL: "", homepageURL: undefined });
  });

  it("points a JSON syntax error at its place: a missing comma where the comma belongs", () => {
    expect(check(fixture("broken.json")).problems.map(formatProblem)).toEqual(["test/fixtures/code-json/broken.json:3:18 error: the file is not valid JSON: a comma is missing here, between two fields — add a comma"]);
  });
});

describe("the real inventories, as the agencies published them", () => {
  it("CDT's matches the schema; its empty contact emails and zero labor hours are reported", () => {
    const result = check("content/code-json/cdt.json");
    expect(result.valid).toBe(true);
    expect(result.problems.every((p) => p.severity === "warning")).toBe(true);
    expect(result.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['"email" in "contact" in each entry of "releases": is empty', '"laborHours" in each entry of "releases": is 0']));
  });

  it("CHHS's 'none' license addresses are reported as not matching the schema", () => {
    const result = check("content/code-json/chhs.json");
    expect(result.valid).toBe(false);
    expect(result.invalidReleases.size).toBe(5);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.kind)).toContain('"URL" in each entry of "licenses" in "permissions" in each entry of "releases": "none" is not a web address starting with https://');
  });

  it("CWDS's 'none' licenses, empty emails, empty tags and zero labor hours are all reported", () => {
    const kinds = check("content/code-json/cwds.json").problems.map((p) => p.kind);
    for (const fault of [
      '"URL" in each entry of "licenses" in "permissions" in each entry of "releases": "none" is not a web address starting with https://',
      '"email" in "contact" in each entry of "releases": is empty',
      '"tags" in each entry of "releases": has no tags',
      '"laborHours" in each entry of "releases": is 0',
    ]) {
      expect(kinds).toContain(fault);
    }
  });

  it("are published with their faults shown: every release is in the catalog, only schema-valid ones in the combined code.json, which validates", () => {
    const inventories = [
      { file: "cdt.json", name: "California Department of Technology", acronym: "CDT" },
      { file: "chhs.json", name: "California Health and Human Services", acronym: "CHHS" },
      { file: "cwds.json", name: "Child Welfare Digital Services", acronym: "CWDS" },
    ];
    const catalog = buildCatalog(path.join(root, "content"), inventories, "2026-11-23");
    expect(catalog.releases).toHaveLength(106);
    expect(catalog.problems.every((p) => p.severity === "warning")).toBe(true);
    const combined = combinedInventory(catalog, "Code California");
    expect(combined.releases).toHaveLength(106 - 5 - 57);
    const ajv = schemaValidator();
    expect(ajv.validate(codeGovSchema, combined), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
  });

  it("every one, and the harvested originals where this machine has them, is read and published without an exception", () => {
    // /work/shared/code-json holds the inventories as code.ca.gov harvested them, with the harvester's own list of agencies.
    const folders = [path.join(root, "content", "code-json"), "/work/shared/code-json"].filter(existsSync);
    for (const folder of folders) {
      const files = readdirSync(folder).filter((file) => file.endsWith(".json"));
      for (const file of files) expect(() => checkInventory(path.join(folder, file), readFileSync(path.join(folder, file))), file).not.toThrow();
      const catalog = catalogOf(Object.fromEntries(files.map((file) => [file.toLowerCase(), readFileSync(path.join(folder, file))])));
      const published = publish(catalog);
      expect(published.text).not.toMatch(/undefined|NaN|\[object /);
      expect(published.links.filter((href) => !safeLink(href))).toEqual([]);
      expect(schemaValidator().validate(codeGovSchema, published.combined)).toBe(true);
    }
  });
});

describe("metrics", () => {
  const catalog = buildCatalog(path.join(root, "content"), [{ file: "cdt.json", name: "California Department of Technology", acronym: "CDT" }, { file: "cwds.json", name: "Child Welfare Digital Services", acronym: "CWDS" }], "2026-11-23");

  it("count every release once in each chart", () => {
    for (const chart of metrics(catalog, words).filter((c) => c.id !== "licenses" && c.id !== "languages")) {
      expect(chart.rows.reduce((sum, row) => sum + row.value, 0), chart.id).toBe(101);
    }
  });

  it("count a license once under its SPDX name, whether an inventory gives that or its identifier", () => {
    const licenses = metrics(catalog, words).find((chart) => chart.id === "licenses")!.rows;
    // CDT writes "MIT" for two releases and CWDS "MIT License" for eight.
    expect(licenses).toContainEqual({ label: "MIT License", value: 10 });
    expect(licenses.map((row) => row.label)).not.toContain("MIT");
    // Not an SPDX identifier nor a name: kept as written, not guessed at.
    expect(licenses.map((row) => row.label)).toContain("GNU General Public License v3.0");
  });

  it("draw the same numbers in the chart as in its CSV", () => {
    for (const chart of metrics(catalog, words)) {
      const drawn = [...chartSvg(chart).matchAll(/data-value="(\d+)"/g)].map((m) => Number(m[1]));
      const csv = chartCsv(chart).trim().split("\n").slice(1).map((line) => Number(line.split(",").at(-1)));
      expect(drawn).toEqual(chart.rows.map((r) => r.value));
      expect(csv).toEqual(drawn);
    }
  });
});

interface SchemaNode {
  type?: string | string[];
  format?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

/** Every field the code.gov schema describes, as a path into an inventory: a list's fields through its first item. */
function schemaFields(node = codeGovSchema as SchemaNode, at: (string | number)[] = []): { path: (string | number)[]; node: SchemaNode }[] {
  return [{ path: at, node }, ...Object.entries(node.properties ?? {}).flatMap(([name, field]) => schemaFields(field, [...at, name])), ...(node.items ? schemaFields(node.items, [...at, 0]) : [])];
}

/** A copy of an inventory with one value replaced. */
function withValue(inventory: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const copy = structuredClone(inventory);
  const parent = path.slice(0, -1).reduce((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
  return copy;
}

/** An inventory with every field of the schema filled in, valid. */
const everyField = () => JSON.parse(fixtureText("every-field.json")) as { releases: unknown[] };

describe("the address of a release", () => {
  it(`is its name in small letters, at most ${maxAddressPart} characters, with its name shown whole; names alike there get addresses of their own`, () => {
    const long = `Case ${"management ".repeat(30)}`;
    const releases = [`${long}one`, `${long}two`, "Ação Rápida"].map((name) => ({ name, repositoryURL: "https://example.gov/code" }));
    const catalog = catalogOf({ "long.json": JSON.stringify({ version: "2.0.0", agency: "A1", measurementType: { method: "projects" }, releases }) });
    const addresses = catalog.releases.map((release) => release.url);
    expect(catalog.releases.map((release) => release.name)).toEqual(releases.map((release) => release.name));
    expect(addresses[0]).toBe(`/projects/a1/${`case-${"management-".repeat(30)}`.slice(0, maxAddressPart).replace(/-+$/, "")}/`);
    expect(addresses[2]).toBe("/projects/a1/acao-rapida/");
    expect(new Set(addresses).size).toBe(3);
    for (const address of addresses) expect(Math.max(...address.split("/").map((part) => part.length))).toBeLessThanOrEqual(maxAddressPart);
  });
});

describe("characters nobody can see, in an inventory", () => {
  it("are warned of at their lines, and left out of what the pages show", () => {
    const releases = [{ name: "socrata\u202Eatem\u0001", description: "Open\u200B data", tags: ["ok", "hid\u{E0041}den"], repositoryURL: "https://example.gov/code" }];
    const catalog = catalogOf({ "hidden.json": JSON.stringify({ version: "2.0.0", agency: "A1", measurementType: { method: "projects" }, releases }, null, 2) });
    expect(catalog.releases.map(({ name, description }) => ({ name, description }))).toEqual([{ name: "socrataatem", description: "Open data" }]);
    // Once a release, at its first such text (an inventory may hold a million); the release is not called by its
    // name, which holds what it warns of.
    expect(catalog.problems.filter((p) => p.message.includes("nobody can see")).map((p) => `${p.line} ${p.severity}: ${p.message} — ${p.fix}`)).toEqual([
      '9 warning: "name" in the first entry of "releases": holds a hidden text-direction control (U+202E), which nobody can see — remove it: the site\'s pages leave it out',
    ]);
    const tagged = catalogOf({ "tagged.json": JSON.stringify({ version: "2.0.0", agency: "A1", measurementType: { method: "projects" }, releases: [{ name: "Plain", tags: ["ok", "hid\u{E0041}den"] }] }, null, 2) });
    expect(tagged.problems.filter((p) => p.message.includes("nobody can see")).map((p) => `${p.line} ${p.message}`)).toEqual(['12 the second entry of "tags" in the entry "Plain" of "releases": holds an invisible tag character (U+E0041), which nobody can see']);
  });
});

describe("an inventory's faults, on its agency's page", () => {
  it("quote what it holds with a character nobody can see written as \\u202e, as the log does", () => {
    const releases = [{ name: "Plain", permissions: { usageType: "open\u202eSource" }, repositoryURL: "https://github.com/chhs\u200Bdata/x" }];
    const catalog = catalogOf({ "hidden.json": JSON.stringify({ version: "2.0.0", agency: "A1", measurementType: { method: "projects" }, releases }, null, 2) });
    const page = templates.render("catalog/agency.njk", { agency: catalog.agencies[0] });
    expect(page).not.toMatch(/\u202e/);
    expect(page).toContain("open\\u202eSource");
    // Nor is an address holding one linked, on its release's page.
    const releasePage = parse(templates.render("catalog/release.njk", { release: catalog.releases[0] }));
    expect(releasePage.querySelectorAll("a").map((a) => a.getAttribute("href")).filter((href) => href?.includes("github.com"))).toEqual([]);
  });
});

describe("the size of the catalog", () => {
  it(`shows ${maxReleases.toLocaleString("en")} releases at most, and refuses to publish more, at the inventory that goes past`, { timeout: 60_000 }, () => {
    const inventory = (count: number) => JSON.stringify({ version: "2.0.0", agency: "A", measurementType: { method: "projects" }, releases: Array.from({ length: count }, (_, i) => ({ name: `n${i}` })) });
    const catalog = catalogOf({ "first.json": inventory(maxReleases - 10), "second.json": inventory(30), "third.json": inventory(5) });
    expect(catalog.releases).toHaveLength(maxReleases);
    expect(catalog.agencies.map((agency) => agency.releases.length)).toEqual([maxReleases - 10, 10, 0]);
    expect(catalog.problems.filter((p) => p.severity === "error").map((p) => `${path.basename(p.file)}:${p.line} ${p.message} — ${p.fix}`)).toEqual([
      "second.json:1 the inventories list more than the 20,000 releases the catalog can show: this one lists 30, 10 of which fit — list fewer inventories in _data/inventories.yaml, or fewer releases in this one",
      "third.json:1 the inventories list more than the 20,000 releases the catalog can show: this one lists 5, 0 of which fit — list fewer inventories in _data/inventories.yaml, or fewer releases in this one",
    ]);
  });
});

describe("addresses in an inventory", () => {
  const notWebAddresses = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "\u0001javascript:alert(1)",
    "\u0000javascript:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "//evil.example/code",
    "https:evil.example",
    "https:\\\\evil.example",
    " https://example.gov",
    "mailto:team@example.gov",
    "ftp://example.gov/code",
    "file:///etc/passwd",
    "https://github.com/chhs\u200Bdata/x",
    "https://\u202Egithub.com/x",
    "",
  ];

  it("are web addresses when the browser reads them as http or https, written whole", () => {
    for (const address of ["https://example.gov", "http://example.gov/code?tab=1#readme", "HTTPS://EXAMPLE.GOV/"]) expect(isWebAddress(address), address).toBe(true);
    for (const address of notWebAddresses) expect(isWebAddress(address), JSON.stringify(address)).toBe(false);
  });

  it("of any other scheme are shown at their lines, and neither linked nor republished", () => {
    const fix = "write the whole address, starting with https://, or leave the field out if there is none";
    expect(check(fixture("unsafe-addresses.json")).problems.map(formatProblem)).toEqual(
      [
        '19:7 error: "repositoryURL" in the entry "script" of "releases": "javascript:alert(1)"',
        '20:7 error: "homepageURL" in the entry "script" of "releases": "  JaVaScRiPt:alert(1)"',
        '21:54 error: "URL" in the entry "MIT" of "licenses" in "permissions" in the entry "script" of "releases": "\\u0001javascript:alert(1)"',
        '24:49 error: "URL" in "contact" in the entry "script" of "releases": "java\\tscript:alert(1)"',
        '30:7 error: "downloadURL" in the entry "other-schemes" of "releases": "data:text/html,<script>alert(1)</script>"',
        '31:7 error: "disclaimerURL" in the entry "other-schemes" of "releases": "vbscript:msgbox(1)"',
        '32:54 error: "URL" in the entry "MIT" of "licenses" in "permissions" in the entry "other-schemes" of "releases": "//evil.example/license"',
        '36:41 error: "URL" in the entry "file" of "relatedCode" in the entry "other-schemes" of "releases": "file:///etc/passwd"',
        '37:44 error: "URL" in the entry "relative" of "reusedCode" in the entry "other-schemes" of "releases": "https:evil.example"',
      ].map((problem) => `test/fixtures/code-json/unsafe-addresses.json:${problem} is not a web address starting with https:// — ${fix}`),
    );
    const catalog = buildCatalog(fixtures, [{ file: "unsafe-addresses.json", name: "Example Agency", acronym: "EXA" }], "2026-11-23");
    expect(catalog.releases.map((r) => [r.name, r.repositoryURL, r.homepageURL, r.inCombined])).toEqual([
      ["safe", "https://github.com/example/safe", "http://example.gov/safe", true],
      ["script", "", undefined, false],
      ["other-schemes", "https://github.com/example/other-schemes", undefined, false],
    ]);
    const published = publish(catalog);
    expect(published.links.filter((href) => !safeLink(href))).toEqual([]);
    expect(published.combined.releases.map((release) => release.name)).toEqual(["safe"]);
  });

  it("in each address field of the schema, another scheme keeps its release out of /code.json and off the pages' links", () => {
    const addressFields = schemaFields().filter(({ node }) => node.format === "uri");
    expect(addressFields.map(({ path }) => path)).toEqual([
      ["releases", 0, "permissions", "licenses", 0, "URL"],
      ["releases", 0, "contact", "URL"],
      ["releases", 0, "repositoryURL"],
      ["releases", 0, "homepageURL"],
      ["releases", 0, "downloadURL"],
      ["releases", 0, "disclaimerURL"],
      ["releases", 0, "relatedCode", 0, "URL"],
      ["releases", 0, "reusedCode", 0, "URL"],
    ]);
    const variations = addressFields.flatMap(({ path }) => notWebAddresses.map((address) => ({ path, address })));
    const inventories = Object.fromEntries(variations.map(({ path, address }, i) => [`address-${i + 1}.json`, JSON.stringify(withValue(everyField(), path, address), null, 2)]));
    const catalog = catalogOf({ "every-field.json": fixtureText("every-field.json"), ...inventories });
    variations.forEach(({ path, address }, i) => {
      const messages = catalog.agencies[i + 1]!.problems.map((p) => p.message);
      expect(messages, JSON.stringify(address)).toEqual([expect.stringMatching(new RegExp(`^${describeField(path, everyField()).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: ".*" is not a web address starting with https://$`))]);
    });
    const published = publish(catalog);
    expect(published.links.filter((href) => !safeLink(href))).toEqual([]);
    expect(published.combined.releases).toEqual(everyField().releases);
  });
});

describe("the catalog, in the site's own language", () => {
  it("has its charts, filters and project pages in that language's words", () => {
    const spanish = loadStrings(siteLanguages({ language: "es", languages: { es: "Español" } })).strings.get("es")!;
    const words = wordsOf(spanish);
    const catalog = buildCatalog(fixtures, [{ file: "csv-injection.json", name: "Example Agency", acronym: "EXA" }], "2026-11-23");
    const charts = metrics(catalog, words);
    expect(charts.map((chart) => chart.title)).toEqual(["Agencias con más proyectos", "Cómo se pueden usar los proyectos", "Licencias usadas", "Lenguajes usados", "Proyectos por el año en que se actualizaron sus metadatos"]);
    expect(charts.find((chart) => chart.id === "usage")!.rows.map((row) => row.label)).toEqual(["Código abierto", "Reutilización en todo el gobierno", "Exento"]);
    expect(chartCsv(charts[0]!).split("\n")[0]).toBe("Agencia,Proyectos");
    expect(projectFilters(catalog, words).map((filter) => filter.label)).toEqual(["Agencia", "Licencia", "Lenguaje", "Uso"]);

    const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(root, "_includes")), { autoescape: true });
    for (const [name, filter] of Object.entries(catalogFilters(words, "es"))) env.addFilter(name, filter as (...args: unknown[]) => unknown);
    env.addFilter("t", (name: StringName, _lang: string, params?: Record<string, unknown>) => translate(spanish, name, params));
    env.addFilter("timeElement", (date: string) => date);
    const page = parse(env.render("catalog/release.njk", { release: catalog.releases[0] }));
    expect(page.querySelectorAll("dt").map((term) => term.text)).toEqual(["Agencia", "Cómo se puede usar", "Licencia", "Lenguajes"]);
    expect(page.querySelector("[data-pagefind-filter=usage]")?.text).toBe("Código abierto");
    expect(page.querySelector("p:last-child a")?.text).toBe("El código de formulas");

    // A release that names no license or language says so in Spanish, and search filters it by the same words.
    const bare = catalogOf({ "bare.json": JSON.stringify({ version: "2.0.0", agency: "A1", measurementType: { method: "projects" }, releases: [{ name: "bare", permissions: { licenses: null, usageType: "exemptByLaw" } }] }) });
    const barePage = parse(env.render("catalog/release.njk", { release: bare.releases[0] }));
    expect(barePage.querySelectorAll("dd").slice(1).map((detail) => detail.text)).toEqual(["Exento", "Sin indicar", "Sin indicar"]);
    expect(projectFilters(bare, words).find((filter) => filter.name === "license")!.values).toEqual(["Sin indicar"]);
    // Shares as Spanish writes them, with a space before the sign.
    expect(catalogFilters(words, "es").percent(1, 4)).toBe("25\u00a0%");
    expect(catalogFilters(wordsOf(english), "en").percent(1, 4)).toBe("25%");
  });
});

describe("the CSV files of the charts", () => {
  it("keep a label a spreadsheet would run as a formula text, and quote what needs quoting", () => {
    const catalog = buildCatalog(fixtures, [{ file: "csv-injection.json", name: "Example Agency", acronym: "EXA" }], "2026-11-23");
    const csv = (id: string) => chartCsv(metrics(catalog, words).find((chart) => chart.id === id)!);
    const licenses = [`"'=HYPERLINK(""http://evil"",""x"")",1`, "'+1+1,1", "'-1+1,1", "'@SUM(A1),1", `"Apache, or MIT",1`, `"line\nbreak",1`];
    for (const row of licenses) expect(csv("licenses")).toContain(`\n${row}\n`);
    expect(csv("licenses").split("\n")).toHaveLength(1 + licenses.length + 1 + 1); // the heading, the licenses, the line break within one, the end
    // A license's name is read without the spaces around it, a language's as written.
    for (const row of ["'\tTAB,1", `"'\rCR",1`, "Go,1"]) expect(csv("languages")).toContain(`\n${row}\n`);
  });
});

describe("an inventory of the wrong shape", () => {
  const valid = fixtureText("valid.json");

  it("is one problem a field, at its line, in words: a list where text belongs, text where a list does, null, a number too large", () => {
    const shapes: [string, string, string][] = [
      ['"licenses": [{ "name": "MIT License", "URL": "https://opensource.org/licenses/MIT" }]', '"licenses": "MIT"', '12:9 warning: "licenses" in "permissions" in the entry "bus-times" of "releases": "MIT" should be a list or null — write a list here'],
      ['"metadataLastUpdated": "2024-05-02"', '"metadataLastUpdated": 2024', '20:72 warning: "metadataLastUpdated" in "date" in the entry "bus-times" of "releases": 2024 should be text — write text here'],
      ['"date": { "created": "2020-01-10", "lastModified": "2024-05-01", "metadataLastUpdated": "2024-05-02" }', '"date": "2024"', '20:7 warning: "date" in the entry "bus-times" of "releases": "2024" should be a group of fields — write a group of fields here'],
      ['"usageType": "openSource"', '"usageType": {}', '13:9 warning: "usageType" in "permissions" in the entry "bus-times" of "releases": a group of fields should be text — write text here'],
      ['"languages": ["Python"]', '"languages": "Go"', '17:7 warning: "languages" in the entry "bus-times" of "releases": "Go" should be a list — write a list here'],
      ['"tags": ["transit", "open data"]', '"tags": 5', '16:7 warning: "tags" in the entry "bus-times" of "releases": 5 should be a list — write a list here'],
      ['"name": "bus-times"', '"name": 12', '7:7 warning: "name" in the first entry of "releases": 12 should be text — write text here'],
      ['"contact": { "email": "opensource@example.gov" }', '"contact": []', '19:7 warning: "contact" in the entry "bus-times" of "releases": a list should be a group of fields — write a group of fields here'],
      ['"laborHours": 1200', '"laborHours": 1e400', '15:7 warning: "laborHours" in the entry "bus-times" of "releases": is a number too large to be read — write the number as it is, such as 1200'],
    ];
    const wholeReleases: [string, string][] = [
      ["[null]", '5:16 warning: the first entry of "releases": null should be a group of fields — write a group of fields here'],
      ["{}", '5:3 warning: "releases": a group of fields should be a list — write a list here'],
      ['"x"', '5:3 warning: "releases": "x" should be a list — write a list here'],
    ];
    const wholeFiles: [string, string][] = [
      ["[]", '1:1 warning: the whole file: a list ([ … ]), where a code.json is one group of fields ({ … }) holding version, agency, measurementType and releases — if the list holds the agency\'s releases, put it in "releases" of such a group, as the code.gov schema 2.0.0 shows'],
      ['"code.json"', '1:1 warning: the whole file: "code.json" should be a group of fields — write a group of fields here'],
      ["2024", '1:1 warning: the whole file: 2024 should be a group of fields — write a group of fields here'],
    ];
    const releasesAt = valid.indexOf('"releases": [') + '"releases": '.length;
    const cases = [
      ...shapes.map(([from, to, problem]) => ({ text: valid.replace(from, to), problem })),
      ...wholeReleases.map(([releases, problem]) => ({ text: `${valid.slice(0, releasesAt)}${releases}\n}\n`, problem })),
      ...wholeFiles.map(([text, problem]) => ({ text, problem })),
    ];
    const catalog = catalogOf(Object.fromEntries(cases.map(({ text }, i) => [`shape-${i + 1}.json`, text])));
    cases.forEach(({ problem }, i) => {
      const agency = catalog.agencies[i]!;
      expect(agency.problems.map(formatProblem).map((line) => line.replace(/^.*?:/, ""))).toContain(problem);
    });
    const published = publish(catalog);
    expect(published.combined.releases).toEqual([]);
  });

  it("anywhere in a release, with any type, is shown with its file and line and never throws, in the check or anything published", () => {
    const jsonType = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value);
    const variations = schemaFields().flatMap(({ path, node }) =>
      [null, 2024, "2024", [], ["2024"], {}, { "2024": 2024 }].map((value) => ({ path, value, allowed: [node.type ?? []].flat().includes(jsonType(value)) })),
    );
    const inventories = Object.fromEntries(variations.map(({ path, value }, i) => [`variation-${i + 1}.json`, JSON.stringify(withValue(everyField(), path, value), null, 2)]));
    variations.forEach(({ path, value, allowed }, i) => {
      const file = `variation-${i + 1}.json`;
      const text = inventories[file]!;
      const field = describeField(path, JSON.parse(text));
      let result: ReturnType<typeof checkInventory> | undefined;
      expect(() => (result = checkInventory(file, text)), `${field} = ${JSON.stringify(value)}`).not.toThrow();
      for (const p of result!.problems) {
        expect(p.file).toBe(file);
        expect(p.line).toBeGreaterThan(0);
        expect(p.line).toBeLessThanOrEqual(text.split("\n").length);
        expect(p.message).not.toMatch(/undefined|\[object|NaN|Error/);
      }
      if (!allowed) expect(result!.problems.map((p) => p.message).filter((message) => message.startsWith(`${field}: `)), `${field} = ${JSON.stringify(value)}`).toHaveLength(1);
    });
    const catalog = catalogOf(inventories);
    expect(catalog.problems.every((p) => p.line > 0 && p.file.endsWith(".json"))).toBe(true);
    const published = publish(catalog);
    expect(published.text).not.toMatch(/undefined|NaN|\[object /);
    expect(published.links.filter((href) => !safeLink(href))).toEqual([]);
    const ajv = schemaValidator();
    expect(ajv.validate(codeGovSchema, published.combined), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
  });
});

describe("reading an inventory's text", () => {
  const valid = fixtureText("valid.json").replace("Arrival times for the city's buses.", "Horaires des bus, à l’arrêt — “en direct”.");
  const description = (catalog: Catalog) => catalog.releases.map((release) => release.description);

  it("decodes UTF-8 with or without a byte order mark, and UTF-16 with one (GSA's own code.json is) or without", () => {
    const utf16le = Buffer.from(valid, "utf16le");
    const utf16be = Buffer.from(valid, "utf16le").swap16();
    const encodings = {
      "utf-8.json": Buffer.from(valid),
      "utf-8-bom.json": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]),
      "utf-16le-bom.json": Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]),
      "utf-16be-bom.json": Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
      "utf-16le.json": utf16le,
      "utf-16be.json": utf16be,
    };
    for (const [file, bytes] of Object.entries(encodings)) expect(checkInventory(file, bytes).problems, file).toEqual([]);
    const catalog = catalogOf(encodings);
    expect(description(catalog)).toEqual(Object.keys(encodings).map(() => "Horaires des bus, à l’arrêt — “en direct”."));
  });

  it("says so of a file in another encoding, at the line of its first such character, and publishes none of it", () => {
    const latin1 = Buffer.from(valid.replace(/[’“”—]/g, "'"), "latin1");
    expect(checkInventory("latin-1.json", latin1).problems.map(formatProblem)).toEqual([
      "latin-1.json:8:41 error: the file is not saved as UTF-8: this character is in another encoding (such as Latin-1 or Windows-1252) — save the file as UTF-8: most editors offer the choice when saving",
    ]);
    const catalog = catalogOf({ "latin-1.json": latin1 });
    expect(catalog.releases).toEqual([]);
    expect(publish(catalog).combined.releases).toEqual([]);
  });

  it("points each JSON mistake at its line and column, in plain words", () => {
    const onLine5 = (releases: string) => `{\n  "version": "2.0.0",\n  "agency": "EXA",\n  "measurementType": { "method": "projects" },\n  "releases": [${releases}\n}\n`;
    const mistakes: [string, string][] = [
      ['"a", "b",]', "5:24 there is a comma after the last item — remove the comma"],
      ['"a" "b"]', "5:19 a comma is missing here, between two items — add a comma"],
      ["'a']", "5:16 text is in single quotes — use double quotes: \"like this\""],
      ["a]", '5:16 a is not in double quotes — put text in double quotes: "a"'],
      ["007]", "5:16 007 is not a number as JSON writes one — write the number like 12 or 3.5, without a + sign, leading zeros or units, or put it in double quotes as text"],
      ["True]", "5:16 True is not written in lowercase — write true"],
      ['"a]', '5:16 the text that starts here runs past the end of its line: its closing quote is missing — add the closing ", or write a line break within text as \\n'],
      ['"a\\q"]', "5:18 a backslash in this text starts no character JSON knows — write a backslash itself as two: \\\\"],
      ["{ name: 1 }]", '5:18 a field name is not in double quotes — put the field name in double quotes: "name"'],
      ['{ "name" 1 }]', "5:24 a colon is missing after this field name — add a colon between the field name and its value"],
      ['{ "name": }]', "5:26 the value of this field is missing — write the value, or remove what is not needed"],
      ['{ "a": 1, "a": 2 }]', '5:26 the field "a" is written twice in the same group of fields — keep one of them'],
      ["}", "5:16 this } does not close the list opened on line 5 — close that one with ] first, or remove this }"],
      ["\u00a0]", "5:16 there is a special space here (such as a no-break space) that JSON does not allow — replace it with an ordinary space"],
      ["]}", "6:1 there is more after the end of the inventory — remove what follows its last closing bracket"],
      ['// our releases\n"a"]', "5:16 there is a comment here, and JSON has no comments — remove the comment (a note about a release can go in its description)"],
      ['{ "name": "a" /* old */ }]', "5:30 there is a comment here, and JSON has no comments — remove the comment (a note about a release can go in its description)"],
    ];
    for (const [releases, problem] of mistakes) {
      const [reported] = checkInventory("code.json", onLine5(releases)).problems.map(formatProblem);
      expect(reported, releases).toBe(`code.json:${problem.replace(" ", " error: the file is not valid JSON: ")}`);
    }
    const cutShort = onLine5('{ "name": "a" }').slice(0, -"\n}\n".length);
    expect(checkInventory("code.json", cutShort).problems.map(formatProblem)).toEqual(["code.json:5:15 error: the file is not valid JSON: this list is never closed: the file ends first — add its closing ]"]);
    expect(checkInventory("code.json", "").problems.map(formatProblem)).toEqual(["code.json:1:1 error: the file is not valid JSON: the file has no inventory in it — write the inventory, starting with {"]);
    expect(checkInventory("code.json", "<!DOCTYPE html>\n<title>404 Not Found</title>\n").problems.map(formatProblem)).toEqual([
      "code.json:1:1 error: the file is not valid JSON: it is a web page (HTML), perhaps an error page saved in the inventory's place — download the inventory again from its address, and check that it starts with {",
    ]);
    // Another kind of file in the inventory's place: YAML, Markdown, or the inventory compressed.
    const anotherKind = (start: string) => `code.json:1:1 error: the file is not valid JSON: it starts with "${start}", where a code.json starts with {: it is another kind of file — give the agency's code.json itself, a JSON file that starts with {`;
    expect(checkInventory("code.json", "# inventories\n- file: cdt.json\n").problems.map(formatProblem)).toEqual([anotherKind("# inventories")]);
    expect(checkInventory("code.json", "---\ntitle: About\n---\n").problems.map(formatProblem)).toEqual([anotherKind("---")]);
    expect(checkInventory("code.json", gzipSync(fixtureText("valid.json"))).problems.map(formatProblem)).toEqual([
      "code.json:1:1 error: the file is compressed (gzip), not JSON text — unpack it first (gunzip, or open it and save what it holds), then check the code.json inside",
    ]);
  });

  it("is refused as JSON exactly when JSON.parse refuses it: in thousands of changed copies of an inventory", () => {
    const text = fixtureText("every-field.json");
    let seed = 1;
    const random = (below: number) => Math.floor(((seed = (seed * 48271) % 2147483647) / 2147483647) * below);
    const characters = [..."\"',:{}[] \n\\1-e.tnu0", "\t", "\u00a0"];
    for (let i = 0; i < 3000; i++) {
      const at = random(text.length);
      const character = characters[random(characters.length)]!;
      const changed = [text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + character + text.slice(at), text.slice(0, at) + character + text.slice(at + 1)][random(3)]!;
      let parses = true;
      try {
        JSON.parse(changed);
      } catch {
        parses = false;
      }
      const fault = jsonFault(changed);
      if (!fault?.message.includes("written twice")) expect(fault === undefined, JSON.stringify(changed.slice(Math.max(0, at - 20), at + 20))).toBe(parses);
    }
  });

  it("warns of two releases of one name, at the second", () => {
    const inventory = JSON.parse(fixtureText("valid.json")) as { releases: { name: string }[] };
    inventory.releases.push({ ...inventory.releases[0]! });
    const text = JSON.stringify(inventory, null, 2);
    const secondName = text.slice(0, text.lastIndexOf(`"name": "${inventory.releases[0]!.name}"`)).split("\n").length;
    expect(checkInventory("code.json", text).problems.map(formatProblem)).toContain(
      `code.json:${secondName}:7 warning: "name" in the entry "${inventory.releases[0]!.name}" of "releases": is the name of an earlier release too — give each release a name of its own`,
    );
  });

  it(`stops at lists nested more than ${maxNesting} deep with a message, not the end of the stack`, () => {
    const deep = `{\n  "version": "2.0.0",\n  "releases": ${"[".repeat(100_000)}${"]".repeat(100_000)}\n}\n`;
    expect(checkInventory("deep.json", deep).problems.map(formatProblem)).toEqual([
      `deep.json:3:${15 + maxNesting - 1} error: the file is not valid JSON: the lists and groups of fields here are nested more than ${maxNesting} deep — an inventory needs six levels at most: check the brackets`,
    ]);
    expect(catalogOf({ "deep.json": deep }).releases).toEqual([]);
  });
});

describe("npm run validate:code-json", () => {
  it("checks an inventory at a web address", async () => {
    const server = createServer((_request, response) => response.writeHead(200, { "content-type": "application/json" }).end(readFileSync(path.join(fixtures, "code-json", "valid.json"))));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/code.json`;
      const result = await runScript("validate-code-json", [address]);
      expect(result.stdout.trim()).toBe(`${address}: 1 releases, valid against the code.gov schema 2.0.0.`);
      expect(result.code).toBe(0);
    } finally {
      server.close();
    }
  });

  it("passes a valid inventory and fails one with schema errors, naming file, path and line", async () => {
    const valid = await runScript("validate-code-json", [fixture("valid.json")]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain("1 releases, valid against the code.gov schema 2.0.0");
    // A name that would set the terminal's title and forge a workflow command is said on one line, as typed.
    const named = path.join(tempDir(), "v\u001b]0;x\u0007\n::error::forged.json");
    writeFileSync(named, readFileSync(fixture("valid.json")));
    expect((await runScript("validate-code-json", [named])).stdout).toBe(`${path.dirname(named)}/v\\u001b]0;x\\u0007\\n::error::forged.json: 1 releases, valid against the code.gov schema 2.0.0.\n`);
    const faulty = await runScript("validate-code-json", [path.join(fixtures, "code-json", "faults.json")]);
    expect(faulty.code).toBe(1);
    expect(problemLines(faulty.stderr)).toContain(
      `test/fixtures/code-json/faults.json:12:9 error: "usageType" in "permissions" in the entry "bus-times" of "releases": "opensource" is not one of openSource, governmentWideReuse, exemptByLaw, exemptByNationalSecurity, exemptByAgencySystem, exemptByAgencyMission, exemptByCIO, exemptByPolicyDate — use one of the values listed (the case matters)`,
    );
  });

  it("checks every inventory named, from the folder the command was typed in, and fails if any fails", async () => {
    const folder = path.join(fixtures, "code-json");
    // As npm runs it from the project's folder, typed in the inventories' folder.
    const typedIn = { INIT_CWD: folder, npm_lifecycle_script: "node --import tsx scripts/validate-code-json.ts" };
    const both = await runScript("validate-code-json", ["valid.json", "faults.json"], typedIn);
    expect(both.code).toBe(1);
    expect(both.stdout).toBe("valid.json: 1 releases, valid against the code.gov schema 2.0.0.\n");
    expect(problemLines(both.stderr)).toContainEqual(expect.stringMatching(/^test\/fixtures\/code-json\/faults\.json:12:9 error: "usageType"/));
    const missing = await runScript("validate-code-json", ["valid.json", "nope.json"], typedIn);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`error: there is no file at ${path.join(folder, "nope.json")} — check the file's name, and the folder the command is typed in`);
    expect((await runScript("validate-code-json", ["--help"])).stdout).toMatch(/^Usage: npm run validate:code-json -- code\.json/);
    // A file's address, as a browser's address bar shows it, is the file.
    const address = pathToFileURL(path.join(folder, "valid.json")).href;
    expect(await runScript("validate-code-json", [address])).toMatchObject({ code: 0, stdout: `${address}: 1 releases, valid against the code.gov schema 2.0.0.\n` });
  });
});
