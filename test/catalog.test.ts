import { cpSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { codeGovSchema } from "../src/model/catalog/validate.ts";
import type { HTMLElement } from "node-html-parser";
import { generateInventories } from "../scripts/bench/generate.ts";
import { buildInto, readPage, root, tempDir, text } from "./helpers.ts";
import { sharedSite } from "./shared-sites.ts";

let site: string;
const inventory = (file: string) => JSON.parse(readFileSync(path.join(root, "content", "code-json", file), "utf8")) as { releases: { name: string }[] };

beforeAll(async () => {
  site = (await sharedSite("site")).output;
});

describe("the open source catalog", () => {
  it("/projects/ lists every release of every inventory, by agency, fifty to a page with links between the pages", () => {
    const pages: HTMLElement[] = [];
    for (let url: string | undefined = "/projects/"; url; url = pages.at(-1)!.querySelector('.pager a[rel="next"]')?.getAttribute("href")) pages.push(readPage(site, url));
    expect(pages.map((page) => text(page.querySelector("h1")))).toEqual(["Open source projects", "Open source projects, page 2", "Open source projects, page 3"]);
    expect(pages.map((page) => page.querySelectorAll(".release-list a").length)).toEqual([50, 50, 6]);
    const listed = pages.flatMap((page) => page.querySelectorAll(".release-list a").map(text));
    const inData = ["cdt.json", "chhs.json", "cwds.json"].flatMap((file) => inventory(file).releases.map((r) => r.name));
    expect(listed).toEqual(inData);
    expect(pages.map((page) => page.querySelectorAll("main h2").map(text))).toEqual([
      ["California Department of Technology (18)", "California Health and Human Services (5)", "Child Welfare Digital Services (83)"],
      ["Child Welfare Digital Services (83), continued"],
      ["Child Welfare Digital Services (83), continued"],
    ]);
    expect(pages[2]!.querySelector('.pager a[rel="prev"]')?.getAttribute("href")).toBe("/projects/page-2/");
  });

  it("each agency's page lists exactly its releases, and its inventory's problems for its coordinator", () => {
    for (const [acronym, file] of [["cdt", "cdt.json"], ["chhs", "chhs.json"], ["cwds", "cwds.json"]]) {
      const page = readPage(site, `/projects/${acronym}/`);
      expect(page.querySelectorAll(".release-list a").map(text)).toEqual(inventory(file!).releases.map((r) => r.name));
    }
    const cwds = readPage(site, "/projects/cwds/");
    expect(text(cwds.querySelector("#inventory-problems + p"))).toContain("the 57 projects that do not match the code.gov schema are left out of the combined code.json");
    expect(cwds.querySelectorAll(".inventory-problems li").map(text)).toEqual(expect.arrayContaining([expect.stringMatching(/^"tags" in each entry of "releases": has no tags \(83 times, lines 29, 60/)]));
  });

  it("a release's page shows its description, license, languages, status and link, as search filters", () => {
    const page = readPage(site, "/projects/cdt/socrata-meta/");
    expect(text(page.querySelector("h1"))).toBe("socrata-meta");
    expect(text(page.querySelector("article p"))).toBe("Python code to quickly retrieve metadata from a SOCRATA Open Data website");
    const filters = page.querySelectorAll("[data-pagefind-filter]").map((el) => `${el.getAttribute("data-pagefind-filter")}: ${text(el)}`);
    expect(filters).toEqual(["section:Projects: " + text(page.querySelector("article")), "agency: CDT", "usage: Open source", "license: None given", "language: Python", "language: Jupyter Notebook"]);
    expect(page.querySelector('a[href="https://github.com/Office-of-Digital-Innovation/socrata-meta"]')).not.toBeNull();
  });

  it("breadcrumbs lead from a release up through its agency and the project list, and from the agency table to the metrics", () => {
    const crumbs = (url: string) => readPage(site, url).querySelectorAll(".breadcrumb a").map((a) => `${text(a)} ${a.getAttribute("href")}`);
    expect(crumbs("/projects/cdt/socrata-meta/")).toEqual(["Home /", "Open source projects /projects/", "California Department of Technology /projects/cdt/", "socrata-meta /projects/cdt/socrata-meta/"]);
    expect(crumbs("/projects/cdt/")).toEqual(["Home /", "Open source projects /projects/", "California Department of Technology /projects/cdt/"]);
    expect(crumbs("/metrics/agencies/")).toEqual(["Home /", "Participation metrics /metrics/", "Participation by agency /metrics/agencies/"]);
  });

  it("/metrics/ draws each chart with the numbers of the table beside it and of its CSV", () => {
    const page = readPage(site, "/metrics/");
    const charts = page.querySelectorAll(".chart-pair");
    expect(charts.length).toBe(5);
    for (const pair of charts) {
      const drawn = pair.querySelectorAll("rect").map((r) => Number(r.getAttribute("data-value")));
      const tabled = pair.querySelectorAll("tbody td").map((td) => Number(text(td)));
      expect(drawn).toEqual(tabled);
      const csvLink = pair.nextElementSibling?.querySelector("a")?.getAttribute("href") ?? "";
      const csv = readFileSync(path.join(site, csvLink), "utf8").trim().split("\n").slice(1).map((line) => Number(line.split(",").at(-1)));
      expect(csv).toEqual(tabled);
    }
    expect(page.querySelectorAll("table").length).toBe(5);
    expect(page.querySelector('a[href="/metrics/agencies/"]')).not.toBeNull();
  });

  it("/metrics/agencies/ gives each agency's releases, how they may be used and its inventory's last update", () => {
    const rows = readPage(site, "/metrics/agencies/").querySelectorAll("tbody tr").map((row) => [row.querySelector("a")?.getAttribute("href"), ...row.querySelectorAll("th, td").map(text)]);
    expect(rows.map((row) => row.slice(0, 3))).toEqual(
      [["cdt", "cdt.json"], ["chhs", "chhs.json"], ["cwds", "cwds.json"]].map(([acronym, file]) => [`/projects/${acronym}/`, expect.any(String), String(inventory(file!).releases.length)]),
    );
    expect(rows.map((row) => row[1])).toEqual(["California Department of Technology", "California Health and Human Services", "Child Welfare Digital Services"]);
    for (const row of rows) for (const share of row.slice(3, 6)) expect(share).toMatch(/^\d+%$/);
  });

  it("publishes /code.json, the merged inventory, valid against the same schema", () => {
    const combined = JSON.parse(readFileSync(path.join(site, "code.json"), "utf8"));
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(codeGovSchema, combined), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
    expect(combined.releases).toHaveLength(18 + 0 + 26);
  });
});

describe("a catalog of many agencies", () => {
  it("charts the ten agencies with the most releases and the others together, and tables every agency fifty to a page", async () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(root, "test", "fixtures", "checks", "base"), content, { recursive: true });
    generateInventories(content, 60, 2);
    const build = await buildInto(content);
    expect(build.code, build.stderr).toBe(0);
    const chart = readPage(build.output, "/metrics/").querySelector("#releases-by-agency + .chart-pair")!;
    const rows = chart.querySelectorAll("tbody tr").map((row) => row.querySelectorAll("th, td").map(text));
    expect(rows).toHaveLength(11);
    expect(rows.at(-1)).toEqual(["Other agencies", String(50 * 2)]);
    expect(chart.querySelectorAll("rect")).toHaveLength(11);
    const tables = ["/metrics/agencies/", "/metrics/agencies/page-2/"].map((url) => readPage(build.output, url));
    expect(tables.map((page) => page.querySelectorAll("tbody tr").length)).toEqual([50, 10]);
    expect(text(tables[1]!.querySelector("h1"))).toBe("Participation by agency, page 2");
    expect(tables[1]!.querySelector('.pager a[rel="prev"]')?.getAttribute("href")).toBe("/metrics/agencies/");
    expect(readFileSync(path.join(build.output, "sitemap.xml"), "utf8")).toContain("<loc>https://checks.example.org/metrics/agencies/page-2/</loc>");
  });
});
