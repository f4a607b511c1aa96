import { readdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { chromiumArgs } from "./chromium.ts";

export interface BrowserSession {
  browser: Browser;
  /** A fresh page; console errors and failed requests are collected in `problems`. */
  open(url: string, options?: { javaScript?: boolean }): Promise<{ page: Page; problems: string[]; context: BrowserContext }>;
}

/** One headless Debian Chromium per test file, driven by playwright-core. */
export function useBrowser(): BrowserSession {
  const session = {} as BrowserSession;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    session.browser = await chromium.launch({ executablePath: inject("chromium"), args: chromiumArgs });
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await session.browser?.close();
  });
  session.open = async (url, { javaScript = true } = {}) => {
    const context = await session.browser.newContext({ javaScriptEnabled: javaScript });
    contexts.push(context);
    const page = await context.newPage();
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
    return { page, problems, context };
  };
  return session;
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
