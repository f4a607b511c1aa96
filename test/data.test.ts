import path from "node:path";
import { describe, expect, it } from "vitest";
import { agencyTree } from "../src/markdown/blocks.ts";
import { loadSiteData, maxAgencyDepth } from "../src/model/data.ts";
import { formatProblem } from "../src/problems/problems.ts";
import { findContentFiles } from "../src/model/files.ts";
import { checkedProblems, fixtures, root } from "./helpers.ts";

/** The data files of a content folder, as the site model reads them. */
const dataOf = (contentDir: string) => loadSiteData(contentDir, new Set(findContentFiles(contentDir).dataFiles));

describe("typed data files", () => {
  it("loads Code California's data, every file valid against its schema", () => {
    const { data, problems } = dataOf(path.join(root, "content"));
    expect(problems).toEqual([]);
    expect(data?.settings.name).toBe("Code California");
    expect(data?.settings.path_prefix).toBe("/");
    expect(data?.navigation.footer.map((l) => l.text)).toEqual(["Conditions of use", "Privacy policy", "Accessibility", "Contact us"]);
    expect(Object.keys(data?.roles ?? {})).toEqual(["working-group", "product-owner", "code-coordinator"]);
  });

  it("needs only settings and navigation from another community", () => {
    const { data, problems } = dataOf(path.join(fixtures, "sites", "second-site"));
    expect(problems).toEqual([]);
    expect(data?.agencies).toBeUndefined();
  });

  it("reports a missing required data file", () => {
    const { data, problems } = dataOf(path.join(fixtures, "frontmatter"));
    expect(data).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      "test/fixtures/frontmatter/_data/settings.yaml:1 error: the data file settings.yaml is missing — create it; see src/schema/data.ts for the fields it needs",
      "test/fixtures/frontmatter/_data/navigation.yaml:1 error: the data file navigation.yaml is missing — create it; see src/schema/data.ts for the fields it needs",
    ]);
  });

  it("refuses an agency's address that only the editor's own network reaches, at its line", async () => {
    expect(await checkedProblems({ "_data/agencies.yaml": "- name: Department of Technology\n  url: https://192.168.1.1/admin/\n- name: Health Agency\n  url: https://intranet/\n" })).toEqual([
      '_data/agencies.yaml:2:8 error: "url" in the entry "Department of Technology" must be an address the public can reach, not one of your own computer or private network, but it is the text "https://192.168.1.1/admin/" — correct the value',
      expect.stringMatching(/^_data\/agencies\.yaml:4:\d+ error: .*must be an address the public can reach, not one of your own computer or private network/),
    ]);
  });

  it("calls an empty data file empty", async () => {
    expect(await checkedProblems({ "_data/agencies.yaml": "" })).toEqual(["_data/agencies.yaml:1:1 error: the whole file should be a list, but it is empty — write a list here"]);
  });

  it("does not call an inventory unlisted while the data files cannot be read", async () => {
    const inventory = '{ "version": "2.0.0", "agency": "CDT", "measurementType": { "method": "projects" }, "releases": [] }';
    const inventories = "- file: cdt.json\n  name: California Department of Technology\n  acronym: CDT\n  website: https://cdt.ca.gov/\n";
    expect(await checkedProblems({ "_data/inventories.yaml": inventories, "code-json/cdt.json": inventory, "_data/agencies.yaml": "" })).toEqual([
      "_data/agencies.yaml:1:1 error: the whole file should be a list, but it is empty — write a list here",
    ]);
  });

  it("names the line of an inventory listed but not there, and the file meant", async () => {
    const inventory = '{ "version": "2.0.0", "agency": "CDT", "measurementType": { "method": "projects" }, "releases": [] }';
    const listing = (file: string) => `# The inventories.\n- file: ${file}\n  name: California Department of Technology\n  acronym: CDT\n  website: https://cdt.ca.gov/\n`;
    expect(await checkedProblems({ "_data/inventories.yaml": listing("cdt.json"), "code-json/CDT.json": inventory })).toEqual([
      "code-json/CDT.json:1 warning: CDT.json is not listed in _data/inventories.yaml, so it is not published — add it there with its agency's name and acronym, or remove the file",
      "_data/inventories.yaml:2:9 error: the inventory cdt.json of California Department of Technology is not in content/code-json/ — rename the file CDT.json to cdt.json",
    ]);
    expect(await checkedProblems({ "_data/inventories.yaml": listing("ctd.json"), "code-json/cdt.json": inventory })).toContain(
      "_data/inventories.yaml:2:9 error: the inventory ctd.json of California Department of Technology is not in content/code-json/ — did you mean cdt.json?",
    );
    // A file named code-json, where the folder of inventories should be.
    expect(await checkedProblems({ "_data/inventories.yaml": listing("cdt.json"), "code-json": inventory })).toEqual([
      "code-json:1 error: code-json is not a code.json inventory: code-json/ holds only .json files — remove it, or save the inventory as a .json file",
      "_data/inventories.yaml:2:9 error: the inventory cdt.json of California Department of Technology is not in content/code-json/ — add the file, or correct its name in inventories.yaml",
    ]);
  });

  const agenciesYaml = (agencies: { name: string; parent?: string }[]) => agencies.map(({ name, parent }) => `- name: ${name}\n${parent ? `  parent: ${parent}\n` : ""}`).join("");

  it("refuses agencies under themselves, naming the loop once, at the first of them in the file", async () => {
    const agencies = [
      { name: "Top" },
      { name: "A", parent: "C" },
      { name: "B", parent: "A" },
      { name: "C", parent: "B" },
      { name: "Under the loop", parent: "B" },
      { name: "Alone", parent: "Alone" },
    ];
    expect(await checkedProblems({ "_data/agencies.yaml": agenciesYaml(agencies) })).toEqual([
      '_data/agencies.yaml:3:11 error: "A" belongs to "C", which belongs to "B", which belongs to "A": it is under itself — give one of them the agency it really belongs to, or none',
      '_data/agencies.yaml:11:11 error: "Alone" belongs to itself: it is under itself — give one of them the agency it really belongs to, or none',
    ]);
  });

  it(`refuses an office more than ${maxAgencyDepth} levels under its agency, once, at the first too deep`, async () => {
    const chain = Array.from({ length: maxAgencyDepth + 3 }, (_, level) => ({ name: `Level ${level}`, parent: level ? `Level ${level - 1}` : undefined }));
    expect(await checkedProblems({ "_data/agencies.yaml": agenciesYaml(chain) })).toEqual([
      `_data/agencies.yaml:${2 * maxAgencyDepth + 3}:11 error: "Level ${maxAgencyDepth + 1}" is ${maxAgencyDepth + 1} levels under the agency at the top of its list, deeper than ${maxAgencyDepth} — list it under an agency higher up`,
    ]);
  });

  it("checks 20,000 agencies, each under an agency not listed and half listed twice, in moments", { timeout: 20_000 }, async () => {
    const problems = await checkedProblems({ "_data/agencies.yaml": agenciesYaml(Array.from({ length: 20_000 }, (_, i) => ({ name: `Office ${i % 10_000}`, parent: `Missing ${i}` }))) });
    expect(problems.filter((line) => line.includes("is listed twice"))).toHaveLength(10_000);
    expect(problems.filter((line) => line.includes("which is not in this file"))).toHaveLength(20_000);
  });

  it("names the fields a role may have, for a field it may not", async () => {
    const roles = "product-owner:\n  name: Product owner\n  dutys: []\n  extra: x\n  duties:\n    - Own the product.\n";
    expect(await checkedProblems({ "_data/roles.yaml": roles })).toEqual([
      '_data/roles.yaml:3:3 error: unknown field "dutys" in "product-owner" — did you mean "duties"?',
      '_data/roles.yaml:4:3 error: unknown field "extra" in "product-owner" — remove it, or use one of: name, duties',
    ]);
  });

  it("nests offices under the agency they belong to", () => {
    expect(
      agencyTree([
        { name: "Department of Technology", url: "https://cdt.ca.gov/" },
        { name: "Office of Digital Innovation", parent: "Department of Technology" },
        { name: "Natural Resources Agency" },
      ]),
    ).toEqual([
      { name: "Department of Technology", url: "https://cdt.ca.gov/", children: [{ name: "Office of Digital Innovation", url: undefined, children: [] }] },
      { name: "Natural Resources Agency", url: undefined, children: [] },
    ]);
  });
});
