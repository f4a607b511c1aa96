import { describe, expect, it } from "vitest";
import { judgeImage } from "../../src/model/images.ts";
import { svgFixtures } from "../hostile.ts";
import { leaveBlank, useBrowser } from "./harness.ts";

const browser = useBrowser();

/** Whether an SVG file, opened on its own as a static host serves it (no CSP header), runs script in Chromium. */
async function runsWhenOpened(bytes: Buffer): Promise<boolean> {
  const page = await browser.newPage();
  let ran = false;
  page.on("dialog", async (dialog) => {
    ran = true;
    await dialog.dismiss();
  });
  await page.route("**/*", (route) =>
    route.request().url() === "http://images.invalid/drawing.svg" ? route.fulfill({ contentType: "image/svg+xml", body: bytes }) : route.abort(),
  );
  await page.goto("http://images.invalid/drawing.svg");
  await page.mouse.click(5, 5).catch(() => {});
  await page.keyboard.press("Tab").catch(() => {});
  await page.waitForTimeout(300);
  await leaveBlank(page);
  return ran;
}

/** Whether Chromium, opening an SVG file on its own, reads it as a drawing rather than showing an XML error. */
async function readsAsDrawing(bytes: Buffer): Promise<boolean> {
  const page = await browser.newPage();
  await page.route("**/*", (route) => route.fulfill({ contentType: "image/svg+xml", body: bytes }));
  await page.goto("http://images.invalid/drawing.svg");
  const drawn = await page.evaluate(() => document.documentElement.localName === "svg" && !document.querySelector("parsererror"));
  await leaveBlank(page);
  return drawn;
}

const drawing = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">\n<text x="1" y="10">${body}</text>\n</svg>\n`);

describe("SVG images, in Chromium", () => {
  it.each([
    ["an & that starts no reference", "Tom & Jerry", 'has an & that starts no character reference, which XML does not allow, so browsers show no drawing — write the & as &amp;'],
    ["a reference to a character XML does not allow", "a&#0;b", "has a reference to a character XML does not allow (&#0;), so browsers show no drawing — remove &#0;"],
    ['"]]>" outside a CDATA section', "a]]>b", 'has "]]>" outside a CDATA section, which XML does not allow, so browsers show no drawing — write the > of ]]> as &gt;'],
  ])("with %s shows no drawing, and is refused at its line with how to write it", async (_what, body, said) => {
    expect(await readsAsDrawing(drawing(body))).toBe(false);
    const refused = judgeImage("x.svg", drawing(body));
    expect(refused && `${refused.line} ${refused.message} — ${refused.fix}`).toBe(`2 x.svg is not safe to publish as an image: it ${said}`);
  });

  it.each([
    ["an & written as &amp;", "Tom &amp; Jerry"],
    ["an & and ]]> in a CDATA section", "<![CDATA[Tom & Jerry ]]>"],
    ["an & in a comment", "Tom <!-- & --> Jerry"],
  ])("with %s is drawn, and published", async (_what, body) => {
    expect(await readsAsDrawing(drawing(body))).toBe(true);
    expect(judgeImage("x.svg", drawing(body))).toBeUndefined();
  });


  it.each(svgFixtures("attacks"))("$name runs script when opened, and is refused", async ({ name, bytes }) => {
    expect(await runsWhenOpened(bytes)).toBe(true);
    expect(judgeImage(name, bytes)).toBeDefined();
  });

  it.each(svgFixtures("harmless"))("$name runs nothing, and is published", async ({ name, bytes }) => {
    expect(await runsWhenOpened(bytes)).toBe(false);
    expect(judgeImage(name, bytes)).toBeUndefined();
  });
});
