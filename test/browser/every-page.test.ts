import { beforeAll, describe, expect, it } from "vitest";
import { axeViolations, budgetBytes, watchCsp, watchWeight } from "./audits.ts";
import { pagePaths, sites, useBrowser } from "./harness.ts";

const browser = useBrowser();

/** The widths at which a page must read without scrolling sideways (WCAG 1.4.10): a phone, and 200% zoom of a 1280px screen. */
const reflowWidths = [
  { name: "at 320px wide", width: 320 },
  { name: "at 200% zoom (a 1280px screen)", width: 640 },
];

interface Findings {
  axe: string[];
  csp: string[];
  weight: string[];
  reflow: Map<number, string[]>;
}

/**
 * Loads each page once, with its policy enforced and its downloads weighed, then runs axe on it and lays it out
 * at each reflow width: every audit of a page from one load. One page at a time: Chromium already keeps both
 * cores busy with one, and tabs side by side only made each page cost half as much again.
 */
async function auditEveryPage(site: string, paths: string[]): Promise<Findings> {
  const found: Findings = { axe: [], csp: [], weight: [], reflow: new Map(reflowWidths.map(({ width }) => [width, []])) };
  const page = await browser.newPage();
  const violations = await watchCsp(page);
  const weight = watchWeight(page);
  let errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  for (const path of paths) {
    const name = path || "/";
    errors = [];
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(`${site}${path}`);
    // With a query, the search page runs Pagefind's WebAssembly: the one place the policy allows it.
    if (path.includes("?q=")) await page.locator("#search-results li").first().waitFor();
    const { bytes, scripts } = await weight();
    if (!path.includes("?q=")) {
      if (bytes > budgetBytes) found.weight.push(`${name}: ${bytes} bytes`);
      if (!/(^|\/)search\/$/.test(path) && scripts.length) found.weight.push(`${name} loads ${scripts.join(", ")}`);
    }
    found.axe.push(...(await axeViolations(page)));
    for (const problem of [...(await violations()), ...errors]) found.csp.push(`${name}: ${problem}`);
    if (!(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"))?.includes("script-src 'self'")) found.csp.push(`${name}: no script-src 'self'`);
    for (const { width } of reflowWidths) {
      await page.setViewportSize({ width, height: 800 });
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scroll > width) found.reflow.get(width)!.push(`${name}: ${scroll}px`);
    }
  }
  return found;
}

describe.each(sites())("every page $name", ({ url: site, dir }) => {
  let found: Findings;
  beforeAll(async () => {
    found = await auditEveryPage(site, [...pagePaths(dir), "search/?q=working+group", "es/search/?q=grupo+de+trabajo"]);
  }, 600_000);

  it("is audited: the site's pages are all there", () => {
    expect(pagePaths(dir)).toEqual(expect.arrayContaining(["", "about/", "search/", "404.html", "working-group/", "projects/", "metrics/", "es/", "es/about/", "es/search/", "translations/"]));
  });

  it("has zero axe-core WCAG 2.1 A and AA violations, search results showing included", () => {
    expect(found.axe).toEqual([]);
  });

  it("loads with its Content Security Policy enforced: no violation, no console error", () => {
    expect(found.csp).toEqual([]);
  });

  it(`stays within ${budgetBytes / 1024} KB of HTML, CSS and JavaScript, and loads JavaScript only for search`, () => {
    expect(found.weight).toEqual([]);
  });

  it.each(reflowWidths)("reads without horizontal scrolling $name", ({ width }) => {
    expect(found.reflow.get(width)).toEqual([]);
  });
});
