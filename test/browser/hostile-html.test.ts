import type { Page, Route } from "playwright-core";
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

/**
 * Whether the page a link opens, once a reader clicks it, sends the reader's own tab to another website through
 * `window.opener`: the tab they trusted then shows whatever the other site likes (a copy asking for a password).
 */
async function openedPageMovesTab(body: string): Promise<boolean> {
  const page: Page = await browser.newPage();
  const pages: Record<string, string> = {
    "http://site.invalid/page/": `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main>${pageOf(body).html}</main></body></html>`,
    "http://attacker.invalid/opened": '<!DOCTYPE html><title>Opened</title><script>if (window.opener) window.opener.location = "http://attacker.invalid/phish";</script>',
    "http://attacker.invalid/phish": "<!DOCTYPE html><title>Sign in</title>",
  };
  // On the context, so that the window the link opens is answered too.
  const answer = (route: Route) => (pages[route.request().url()] ? route.fulfill({ contentType: "text/html", body: pages[route.request().url()] }) : route.abort());
  await page.context().route("**/*", answer);
  try {
    await page.goto("http://site.invalid/page/");
    const opened = page.waitForEvent("popup", { timeout: 5000 });
    await page.locator("#go").click();
    await (await opened).waitForLoadState();
    return await page.waitForURL("http://attacker.invalid/phish", { timeout: 2000 }).then(() => true, () => false);
  } finally {
    await page.context().unroute("**/*", answer);
    for (const other of page.context().pages()) if (other !== page) await other.close();
    await leaveBlank(page);
  }
}

/** The name Chromium saves a link's file under when a reader clicks it: the file is the picture /images/map.png. */
async function savedAs(body: string): Promise<string> {
  const page: Page = await browser.newPage();
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4050000000049454e44ae426082", "hex");
  await page.route("**/*", (route) =>
    route.request().url() === "http://site.invalid/page/"
      ? route.fulfill({ contentType: "text/html", body: `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body><main>${pageOf(body).html}</main></body></html>` })
      : route.fulfill({ contentType: "image/png", body: png }),
  );
  try {
    await page.goto("http://site.invalid/page/");
    const download = page.waitForEvent("download", { timeout: 5000 });
    await page.locator("#go").click();
    return (await download).suggestedFilename();
  } finally {
    await leaveBlank(page);
  }
}

describe("hostile HTML, in Chromium", () => {
  it("a download link that names a picture as a program saves it so in Chromium, and the checks refuse it; one that keeps its kind passes", async () => {
    const disguised = '<a id="go" href="/images/map.png" download="report.exe.">the map</a>';
    expect(await savedAs(disguised)).toMatch(/^report\.exe/);
    expect(htmlProblems(disguised)).toEqual([
      'page.md:5:1 error: the <a> saves the file it links to under the name "report.exe.", which says it is another kind of file — write download alone, without a name, or a name ending in .png',
    ]);
    for (const kept of ['<a id="go" href="/images/map.png" download>the map</a>', '<a id="go" href="/images/map.png" download="Office map.PNG">the map</a>', '<a id="go" href="/images/map.png" download="office-map">the map</a>']) {
      expect(await savedAs(kept)).toMatch(/\.png$|^office-map/i);
      expect(htmlProblems(kept)).toEqual([]);
    }
  });

  it.each([
    ["a new tab that keeps its opener", '<a id="go" href="http://attacker.invalid/opened" target="_blank" rel="opener">the state budget</a>'],
    ["a named window, which always keeps it", '<a id="go" href="http://attacker.invalid/opened" target="report">the annual report</a>'],
  ])("a link that opens %s sends the reader's tab elsewhere in Chromium, and the checks refuse it", async (_, body) => {
    expect(await openedPageMovesTab(body)).toBe(true);
    expect(htmlProblems(body)).toEqual([expect.stringContaining("error: the <a> opens its page in another tab or window")]);
  });

  it("a new tab opened without its opener, as Chromium opens _blank, cannot: what the test above sees is the opener", async () => {
    expect(await openedPageMovesTab('<a id="go" href="http://attacker.invalid/opened" target="_blank">the state budget</a>')).toBe(false);
  });

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
