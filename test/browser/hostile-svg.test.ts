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

describe("SVG images, in Chromium", () => {
  it.each(svgFixtures("attacks"))("$name runs script when opened, and is refused", async ({ name, bytes }) => {
    expect(await runsWhenOpened(bytes)).toBe(true);
    expect(judgeImage(name, bytes)).toBeDefined();
  });

  it.each(svgFixtures("harmless"))("$name runs nothing, and is published", async ({ name, bytes }) => {
    expect(await runsWhenOpened(bytes)).toBe(false);
    expect(judgeImage(name, bytes)).toBeUndefined();
  });
});
