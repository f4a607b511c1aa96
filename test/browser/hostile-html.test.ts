import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { htmlProblems, pageOf, snippets } from "../hostile.ts";
import { leaveBlank, useBrowser } from "./harness.ts";

const browser = useBrowser();

/**
 * Whether a page body, as the site renders it, runs script or sends the reader elsewhere in Chromium, with no
 * Content Security Policy to stop it: a dialog opens, or a request leaves for another website. Links and buttons
 * named "go" are clicked, as a reader would.
 */
async function runsInChromium(body: string): Promise<boolean> {
  const page: Page = await browser.newPage();
  let ran = false;
  page.on("dialog", async (dialog) => {
    ran = true;
    await dialog.dismiss();
  });
  // The page is served from an address of its own, so that relative addresses resolve as they would on the site.
  const html = `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main>${pageOf(body).html}</main><footer>End</footer></body></html>`;
  await page.route("**/*", async (route) => {
    const url = route.request().url();
    if (url.includes("attacker.invalid")) ran = true;
    await (url === "http://site.invalid/page/" ? route.fulfill({ contentType: "text/html", body: html }) : route.abort());
  });
  await page.goto("http://site.invalid/page/");
  const go = page.locator("#go");
  if (await go.count()) await go.click({ timeout: 2000 }).catch(() => {});
  await page.waitForTimeout(300);
  await leaveBlank(page);
  return ran;
}

/** The links a page body makes in Chromium, by the text they hold, once the layout's own text follows it. */
async function linksInChromium(body: string): Promise<string[]> {
  const page: Page = await browser.newPage({ javaScript: false });
  await page.setContent(`<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main><article>${pageOf(body).html}</article><p>Last updated today</p></main><footer>End</footer></body></html>`);
  const links = await page.locator("a").evaluateAll((anchors) => anchors.map((a) => a.textContent ?? ""));
  await leaveBlank(page);
  return links;
}

describe("hostile HTML, in Chromium", () => {
  it("a link left open takes in the layout's own text after the body, and the checks refuse it", async () => {
    const body = 'See <a href="https://attacker.invalid/">our partner\n';
    expect(await linksInChromium(body)).toContain("Last updated today");
    expect(htmlProblems(body)).toEqual([expect.stringContaining("error: the <a> opened here is never closed")]);
  });

  it.each(snippets("html-attacks.md"))("$name: runs in Chromium, and the checks refuse it", async ({ body }) => {
    expect(await runsInChromium(body)).toBe(true);
    expect(htmlProblems(body).some((line) => line.includes(" error: "))).toBe(true);
  });

  it.each(snippets("html-harmless.md"))("$name: runs nothing in Chromium, and the checks let it pass", async ({ body }) => {
    expect(await runsInChromium(body)).toBe(false);
    expect(htmlProblems(body)).toEqual([]);
  });
});
