import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate } from "html-validate";
import { beforeAll, describe, expect, it } from "vitest";
import { fixtures } from "./helpers.ts";
import { sharedSite } from "./shared-sites.ts";

const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });

async function errorsIn(file: string): Promise<string[]> {
  const report = await validator.validateString(readFileSync(file, "utf8"), file);
  return report.results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${path.basename(file)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".html"))
    .map((e) => path.join(e.parentPath, e.name));

describe("valid HTML (html-validate's recommended rules)", () => {
  let sites: string[];
  beforeAll(async () => {
    sites = (await Promise.all([sharedSite("site"), sharedSite("prefixedSite")])).map((build) => build.output);
  });

  it("every built page has zero errors, at the root and under a path prefix", async () => {
    for (const site of sites) {
      const files = htmlFiles(site);
      expect(files.length).toBeGreaterThanOrEqual(11);
      const errors = (await Promise.all(files.map(errorsIn))).flat();
      expect(errors).toEqual([]);
    }
  });

  it("fails on an invalid element", async () => {
    const errors = await errorsIn(path.join(fixtures, "audits", "invalid.html"));
    expect(errors.some((e) => e.includes("element-permitted-content") && e.includes("<div>"))).toBe(true);
    expect(errors.some((e) => e.includes("close-order") || e.includes("unclosed"))).toBe(true);
  });
});
