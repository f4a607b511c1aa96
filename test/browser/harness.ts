import { readdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { chromiumArgs } from "./chromium.ts";

export interface BrowserSession {
  /**
   * A fresh page, not yet loaded, open until the file's tests end. The pages of one file share a context (one with
   * JavaScript, one without), so that a page is drawn by the renderer its site already has: a context of its own
   * started a renderer for every page, which cost a search page twice the processor time.
   */
  newPage(options?: { javaScript?: boolean }): Promise<Page>;
  /** A fresh page at `url`; console errors and failed requests are collected in `problems`. */
  open(url: string, options?: { javaScript?: boolean }): Promise<{ page: Page; problems: string[] }>;
}

/** One headless Debian Chromium per test file, driven by playwright-core. */
export function useBrowser(): BrowserSession {
  const session = {} as BrowserSession;
  let browser: Browser | undefined;
  const contexts = new Map<boolean, Promise<BrowserContext>>();
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: inject("chromium"), args: chromiumArgs });
  });
  afterAll(async () => {
    await Promise.allSettled([...contexts.values()].map(async (context) => (await context).close()));
    await browser?.close();
  });
  session.newPage = async ({ javaScript = true } = {}) => {
    if (!contexts.has(javaScript)) contexts.set(javaScript, browser!.newContext({ javaScriptEnabled: javaScript }));
    return (await contexts.get(javaScript)!).newPage();
  };
  session.open = async (url, options) => {
    const page = await session.newPage(options);
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    // A request the page cancels by navigating away (the favicon, when a form is submitted at once) is not a fault.
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "";
      if (reason !== "net::ERR_ABORTED") problems.push(`request failed: ${request.url()} (${reason})`);
    });
    page.on("response", (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.goto(url);
    return { page, problems };
  };
  return session;
}

/**
 * Unloads what a page shows, so that nothing a hostile page started runs on beside later tests. The page itself
 * stays open until the file's tests end, keeping its site's renderer for the next page; when a navigation the page
 * started itself (a form sent, a redirect) cuts this one short, the page is closed instead.
 */
export async function leaveBlank(page: Page): Promise<void> {
  await page.goto("about:blank").catch(() => page.close());
}

export const sites = () => [
  { name: "at the site's root", url: inject("siteUrl"), dir: inject("site").output },
  { name: "under a path prefix, with the search index in parts", url: inject("prefixedSiteUrl"), dir: inject("prefixedSite").output },
];

/** Every HTML page of a built site, as paths relative to the site's address ("", "about/", "404.html"). */
export function pagePaths(siteDir: string): string[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html") && !entry.parentPath.includes(`${path.sep}pagefind`))
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/").replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}
