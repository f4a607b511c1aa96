import { describe, expect, it } from "vitest";
import { budgetBytes, watchCsp, watchWeight } from "./audits.ts";
import { pagePaths, sites, useBrowser } from "./harness.ts";

const browser = useBrowser();

describe.each(sites())("every page $name", ({ url: site, dir }) => {
  it("loads with its Content Security Policy enforced: no violation, no console error", { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    for (const path of [...pagePaths(dir), "search/?q=working+group"]) {
      const context = await browser.browser.newContext();
      const page = await context.newPage();
      const violations = await watchCsp(page);
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${site}${path}`);
      // With a query, the search page runs Pagefind's WebAssembly: the one place the policy allows it.
      if (path.includes("?q=")) await page.locator("#search-results li").first().waitFor();
      for (const problem of [...(await violations()), ...errors]) failures.push(`${path || "/"}: ${problem}`);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content")).toContain("script-src 'self'");
      await context.close();
    }
    expect(failures).toEqual([]);
  });

  it(`stays within ${budgetBytes / 1024} KB of HTML, CSS and JavaScript, and loads JavaScript only for search`, { timeout: 600_000 }, async () => {
    const report: string[] = [];
    for (const path of pagePaths(dir)) {
      const context = await browser.browser.newContext();
      const page = await context.newPage();
      const weight = watchWeight(page);
      await page.goto(`${site}${path}`, { waitUntil: "networkidle" });
      const { bytes, scripts } = await weight();
      if (bytes > budgetBytes) report.push(`${path || "/"}: ${bytes} bytes`);
      if (path !== "search/" && scripts.length) report.push(`${path || "/"} loads ${scripts.join(", ")}`);
      await context.close();
    }
    expect(report).toEqual([]);
  });
});
