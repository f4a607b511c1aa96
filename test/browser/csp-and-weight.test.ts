import { beforeAll, describe, expect, it } from "vitest";
import { budgetBytes, watchCsp, watchWeight } from "./audits.ts";
import { pagePaths, sites, useBrowser } from "./harness.ts";

const browser = useBrowser();

/** How many pages are loaded at once: enough to keep Chromium busy while one page waits for the network to settle. */
const concurrency = 4;

describe.each(sites())("every page $name", ({ url: site, dir }) => {
  const cspFailures: string[] = [];
  const weightReport: string[] = [];

  // Each page is loaded once, with the policy enforced and its downloads weighed, a few pages at a time.
  beforeAll(async () => {
    const queue = [...pagePaths(dir), "search/?q=working+group"];
    const loadNext = async (): Promise<void> => {
      const path = queue.shift();
      if (path === undefined) return;
      const context = await browser.browser.newContext();
      const page = await context.newPage();
      const violations = await watchCsp(page);
      const weight = watchWeight(page);
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${site}${path}`, { waitUntil: "networkidle" });
      const name = path || "/";
      // With a query, the search page runs Pagefind's WebAssembly: the one place the policy allows it.
      if (path.includes("?q=")) await page.locator("#search-results li").first().waitFor();
      else {
        const { bytes, scripts } = await weight();
        if (bytes > budgetBytes) weightReport.push(`${name}: ${bytes} bytes`);
        if (path !== "search/" && scripts.length) weightReport.push(`${name} loads ${scripts.join(", ")}`);
      }
      for (const problem of [...(await violations()), ...errors]) cspFailures.push(`${name}: ${problem}`);
      if (!(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"))?.includes("script-src 'self'")) cspFailures.push(`${name}: no script-src 'self'`);
      await context.close();
      return loadNext();
    };
    await Promise.all(Array.from({ length: concurrency }, loadNext));
  }, 600_000);

  it("loads with its Content Security Policy enforced: no violation, no console error", () => {
    expect(cspFailures).toEqual([]);
  });

  it(`stays within ${budgetBytes / 1024} KB of HTML, CSS and JavaScript, and loads JavaScript only for search`, () => {
    expect(weightReport).toEqual([]);
  });
});
