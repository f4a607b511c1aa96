import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtures, tempDir } from "../helpers.ts";
import { axeViolations, budgetBytes, watchCsp, watchWeight } from "./audits.ts";
import { useBrowser } from "./harness.ts";
import { serveSite, type StaticSite } from "./server.ts";

const browser = useBrowser();
let site: StaticSite;

beforeAll(async () => {
  const dir = tempDir();
  cpSync(path.join(fixtures, "audits"), dir, { recursive: true });
  writeFileSync(path.join(dir, "oversized.css"), `/* ${"x".repeat(budgetBytes)} */\nbody { color: black; }\n`);
  site = await serveSite(dir);
});
afterAll(() => site.close());

describe("each audit can fail", () => {
  it("axe-core reports a form field without a label", async () => {
    const { page } = await browser.open(`${site.url}missing-label.html`);
    const violations = await axeViolations(page);
    expect(violations.some((v) => v.startsWith("/missing-label.html: label "))).toBe(true);
  });

  it("the Content Security Policy check reports an inline script", async () => {
    const page = await browser.newPage();
    const violations = await watchCsp(page);
    await page.goto(`${site.url}inline-script.html`);
    expect(await violations()).toEqual(["script-src-elem blocked inline"]);
    expect(await page.title()).toBe("An inline script");
  });

  it("the weight budget reports an oversized asset", async () => {
    const page = await browser.newPage();
    const weight = watchWeight(page);
    await page.goto(`${site.url}oversized.html`, { waitUntil: "networkidle" });
    expect((await weight()).bytes).toBeGreaterThan(budgetBytes);
  });
});
