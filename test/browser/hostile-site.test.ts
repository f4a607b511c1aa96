import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildInto, fixtures, problemLines, readPage } from "../helpers.ts";
import { leaveBlank, pagePaths, useBrowser } from "./harness.ts";
import { serveSite, type StaticSite } from "./server.ts";

const browser = useBrowser();
let site: StaticSite;
let dir: string;

// A site whose front matter, data files and inventory try to break out of the HTML, CSV and JSON they land in.
beforeAll(async () => {
  const build = await buildInto(path.join(fixtures, "hostile", "published"));
  expect(problemLines(build.stderr).filter((line) => line.includes(" error: ")), build.stderr).toEqual([]);
  expect(build.code).toBe(0);
  dir = build.output;
  site = await serveSite(dir);
});
afterAll(() => site?.close());

describe("hostile values that are published", () => {
  it("run nothing and send no one elsewhere on any page, in Chromium, even as a reader points at and focuses everything", async () => {
    for (const pagePath of pagePaths(dir)) {
      const page = await browser.newPage();
      const ran: string[] = [];
      page.on("dialog", async (dialog) => {
        ran.push(`${pagePath}: a dialog`);
        await dialog.dismiss();
      });
      page.on("request", (request) => {
        if (!request.url().startsWith(site.url)) ran.push(`${pagePath}: a request to ${request.url()}`);
      });
      // Without the pages' Content Security Policy, which would block an inline script anyway: escaping alone must hold.
      await page.route(`${site.url}**`, async (route) => {
        if (route.request().resourceType() !== "document") return route.continue();
        const response = await route.fetch();
        const body = (await response.text()).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, "");
        await route.fulfill({ response, body });
      });
      await page.goto(`${site.url}${pagePath}`);
      // Every element is hovered and focused as a reader's pointer and keyboard would (a page that redirects has moved on).
      await page
        .evaluate(() => {
          for (const element of document.querySelectorAll<HTMLElement>("body *")) {
            for (const type of ["mouseover", "mouseenter"]) element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
            element.focus();
          }
        })
        .catch(() => {});
      await page.waitForTimeout(100);
      await page.unrouteAll({ behavior: "ignoreErrors" });
      await leaveBlank(page);
      expect(ran).toEqual([]);
    }
  });

  it("show in a search result the text the page shows: a character code written out stays written out, and only the words searched for are marked", async () => {
    const { page, problems } = await browser.open(`${site.url}search/?q=yakfinder`);
    await page.locator("#search-results li").first().waitFor();
    const excerpt = page.locator("#search-results .search-excerpt").first();
    const text = await excerpt.textContent();
    expect(text).toContain("5 &#x202E;3 rebmun kcalb, and 5 < 6 & 7 > 6, with &#8203; written out. In HTML, write &lt; for <.");
    expect(text).not.toMatch(/[\u202e\u200b]/);
    expect(await excerpt.locator("mark").allTextContents()).toEqual(["Yakfinder:"]);
    expect(await excerpt.evaluate((p) => [...p.querySelectorAll("*")].map((e) => e.localName))).toEqual(["mark"]);
    expect(problems).toEqual([]);
    await leaveBlank(page);
  });

  it("link no address other than the site's own, https:, http: and mailto:", () => {
    for (const pagePath of pagePaths(dir)) {
      const page = readPage(dir, `/${pagePath}`);
      const addresses = page.querySelectorAll("[href], [src]").map((element) => element.getAttribute("href") ?? element.getAttribute("src") ?? "");
      expect(addresses.filter((address) => !["http:", "https:", "mailto:"].includes(new URL(address, "https://civic.example.org/").protocol)), pagePath).toEqual([]);
    }
  });

  it("republish no address that is not a web address, and keep a spreadsheet from reading a cell as a formula", () => {
    const combined = readFileSync(path.join(dir, "code.json"), "utf8");
    expect(combined).not.toMatch(/javascript:/i);
    expect(JSON.parse(combined).releases.map((r: { name: string }) => r.name)).toEqual(["Clean project"]);
    const csvCells = ["licenses.csv", "languages.csv"].flatMap((file) => readFileSync(path.join(dir, "metrics", file), "utf8").split("\n").slice(1)).map((line) => line.replace(/^"/, ""));
    expect(csvCells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    expect(csvCells.some((cell) => cell.startsWith("'=HYPERLINK"))).toBe(true);
  });
});
