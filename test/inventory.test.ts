import { readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { generateInventories } from "../scripts/bench/generate.ts";
import { buildCatalog, combinedInventory } from "../src/catalog/catalog.ts";
import { checkInventory, codeGovSchema } from "../src/catalog/validate.ts";
import { chartCsv, chartSvg, metrics } from "../src/catalog/metrics.ts";
import { formatProblem } from "../src/problems/problems.ts";
import { fixtures, problemLines, root, runScript, tempDir } from "./helpers.ts";

const fixture = (name: string) => path.join("test", "fixtures", "code-json", name);
const check = (file: string) => checkInventory(file, readFileSync(path.join(root, file), "utf8"), { today: "2026-11-23" });

describe("validating a code.json inventory", () => {
  it("passes a valid inventory", () => {
    const result = check(fixture("valid.json"));
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("reports each kind of schema error with the file, the line and the JSON path, and what a reader would trip on", () => {
    expect(check(fixture("faults.json")).problems.map(formatProblem)).toEqual([
      'test/fixtures/code-json/faults.json:11 error: releases[0].permissions.licenses[0].URL: "none" is not a full web address (https://…) — write the whole address, or leave the field out if there is none',
      'test/fixtures/code-json/faults.json:12 error: releases[0].permissions.usageType: "opensource" is not one of openSource, governmentWideReuse, exemptByLaw, exemptByNationalSecurity, exemptByAgencySystem, exemptByAgencyMission, exemptByCIO, exemptByPolicyDate — use one of the values listed (the case matters)',
      'test/fixtures/code-json/faults.json:14 error: releases[0].laborHours: "many" should be a number — write a number here',
      "test/fixtures/code-json/faults.json:15 warning: releases[0].tags: has no tags — add a few words people would search for",
      "test/fixtures/code-json/faults.json:16 warning: releases[0].contact.email: is empty — give an address people can write to about this project",
      'test/fixtures/code-json/faults.json:17 error: releases[0].date.created: "2020-13-40" is not a real date written YYYY-MM-DD — write the date like 2025-06-30',
      "test/fixtures/code-json/faults.json:17 warning: releases[0].date.metadataLastUpdated: 2099-01-01 is in the future — give the date it really happened",
      'test/fixtures/code-json/faults.json:20 error: releases[1].name: is missing — add "name"',
    ]);
  });

  it("points a JSON syntax error at its line", () => {
    expect(check(fixture("broken.json")).problems.map(formatProblem)).toEqual([
      "test/fixtures/code-json/broken.json:4:3 error: the file is not valid JSON: Expected ',' or '}' after property value — check the commas, quotes and brackets near this line",
    ]);
  });
});

describe("the real inventories, as the agencies published them", () => {
  it("CDT's matches the schema; its empty contact emails and zero labor hours are reported", () => {
    const result = check("content/code-json/cdt.json");
    expect(result.valid).toBe(true);
    expect(result.problems.every((p) => p.severity === "warning")).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual(expect.arrayContaining(["releases[0].contact.email: is empty", "releases[0].laborHours: is 0"]));
  });

  it("CHHS's 'none' license addresses are reported as not matching the schema", () => {
    const result = check("content/code-json/chhs.json");
    expect(result.valid).toBe(false);
    expect(result.invalidReleases.size).toBe(5);
    expect(result.problems.filter((p) => p.severity === "error").map((p) => p.message)).toContain('releases[0].permissions.licenses[0].URL: "none" is not a full web address (https://…)');
  });

  it("CWDS's 'none' licenses, empty emails, empty tags and zero labor hours are all reported", () => {
    const messages = check("content/code-json/cwds.json").problems.map((p) => p.message);
    for (const fault of ['releases[0].permissions.licenses[0].URL: "none" is not a full web address (https://…)', "releases[0].contact.email: is empty", "releases[0].tags: has no tags", "releases[0].laborHours: is 0"]) {
      expect(messages).toContain(fault);
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
    const ajv = new Ajv.default({ allErrors: true, strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(codeGovSchema, combined), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
  });
});

describe("metrics", () => {
  const catalog = buildCatalog(path.join(root, "content"), [{ file: "cdt.json", name: "California Department of Technology", acronym: "CDT" }, { file: "cwds.json", name: "Child Welfare Digital Services", acronym: "CWDS" }], "2026-11-23");

  it("count every release once in each chart", () => {
    for (const chart of metrics(catalog).filter((c) => c.id !== "licenses" && c.id !== "languages")) {
      expect(chart.rows.reduce((sum, row) => sum + row.value, 0), chart.id).toBe(101);
    }
  });

  it("count a license once under its SPDX name, whether an inventory gives that or its identifier", () => {
    const licenses = metrics(catalog).find((chart) => chart.id === "licenses")!.rows;
    // CDT writes "MIT" for two releases and CWDS "MIT License" for eight.
    expect(licenses).toContainEqual({ label: "MIT License", value: 10 });
    expect(licenses.map((row) => row.label)).not.toContain("MIT");
    // Not an SPDX identifier nor a name: kept as written, not guessed at.
    expect(licenses.map((row) => row.label)).toContain("GNU General Public License v3.0");
  });

  it("draw the same numbers in the chart as in its CSV", () => {
    for (const chart of metrics(catalog)) {
      const drawn = [...chartSvg(chart).matchAll(/data-value="(\d+)"/g)].map((m) => Number(m[1]));
      const csv = chartCsv(chart).trim().split("\n").slice(1).map((line) => Number(line.split(",").at(-1)));
      expect(drawn).toEqual(chart.rows.map((r) => r.value));
      expect(csv).toEqual(drawn);
    }
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
    const faulty = await runScript("validate-code-json", [path.join(fixtures, "code-json", "faults.json")]);
    expect(faulty.code).toBe(1);
    expect(problemLines(faulty.stderr)).toContain(
      `test/fixtures/code-json/faults.json:12 error: releases[0].permissions.usageType: "opensource" is not one of openSource, governmentWideReuse, exemptByLaw, exemptByNationalSecurity, exemptByAgencySystem, exemptByAgencyMission, exemptByCIO, exemptByPolicyDate — use one of the values listed (the case matters)`,
    );
  });
});
