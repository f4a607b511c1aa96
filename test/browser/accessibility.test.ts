import { describe, expect, it } from "vitest";
import { sites, useBrowser } from "./harness.ts";

const browser = useBrowser();

describe.each(sites())("accessibility $name", ({ url: site }) => {
  it("the skip link is the first tab stop and moves focus to <main>", async () => {
    const { page } = await browser.open(`${site}values/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  });

  it("every interactive element shows a visible focus indicator", async () => {
    const { page } = await browser.open(`${site}working-group/`);
    const unmarked: string[] = [];
    const count = await page.locator("a[href], button, input, select").count();
    for (let i = 0; i < count; i++) {
      await page.keyboard.press("Tab");
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const css = getComputedStyle(el);
        return { name: `${el.tagName} ${el.textContent?.trim().slice(0, 30) || el.id}`, outline: css.outlineStyle !== "none" && parseFloat(css.outlineWidth) >= 2, shadow: css.boxShadow !== "none" };
      });
      if (!style.outline && !style.shadow) unmarked.push(style.name);
    }
    expect(unmarked).toEqual([]);
  });

  it("the menu works with the keyboard alone", async () => {
    const { page } = await browser.open(`${site}`);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "Community") break;
    }
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/community\/$/);
    expect(await page.locator("h1").textContent()).toBe("Our community");
  });

  it("the language link works with the keyboard alone, and leads to the same page in Spanish and back", async () => {
    const { page } = await browser.open(`${site}values/`);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent)) === "Español") break;
    }
    expect(await page.evaluate(() => document.activeElement?.getAttribute("hreflang"))).toBe("es");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/es\/values\/$/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("es");
    await page.locator(".language-links a").click();
    await page.waitForURL(/\/values\/$/);
    expect(await page.locator("h1").textContent()).toBe("Our values");
  });

  it("on a phone, folds the menu and the language link into a disclosure that opens by keyboard, without JavaScript, leaving the title on the first screen", async () => {
    const { page } = await browser.open(`${site}es/values/`, { javaScript: false });
    await page.setViewportSize({ width: 390, height: 844 });
    const menuLink = page.locator(".primary-nav a", { hasText: "Comunidad" });
    expect(await menuLink.isVisible()).toBe(false);
    expect(await page.locator(".language-links a").isVisible()).toBe(false);
    const title = await page.locator("h1").boundingBox();
    expect(title!.y + title!.height).toBeLessThan(844 / 2);
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.tagName)) === "SUMMARY") break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Menú");
    await page.keyboard.press("Enter");
    expect(await menuLink.isVisible()).toBe(true);
    expect(await page.locator(".language-links a").isVisible()).toBe(true);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Inicio");
  });

  it("on a wide screen, shows the menu and the language link with no disclosure to open", async () => {
    const { page } = await browser.open(`${site}values/`);
    expect(await page.locator(".site-menu > summary").isVisible()).toBe(false);
    expect(await page.locator(".primary-nav a", { hasText: "Community" }).isVisible()).toBe(true);
    expect(await page.locator(".language-links a").isVisible()).toBe(true);
  });

  it("search works with the keyboard alone", async () => {
    const { page } = await browser.open(`${site}about/`);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.id)) === "header-search") break;
    }
    await page.keyboard.type("mission");
    await page.keyboard.press("Enter");
    await page.locator("#search-results li").first().waitFor();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.closest("#search-results") !== null)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("About Code California");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/about\/$/);
  });

  it("every chart's labels and numbers are drawn whole, inside the chart", async () => {
    const { page } = await browser.open(`${site}metrics/`);
    const clipped = await page.$$eval("svg.chart", (charts) =>
      charts.flatMap((chart) => {
        const box = (chart as SVGSVGElement).viewBox.baseVal;
        return [...chart.querySelectorAll("text")]
          .filter((text) => {
            const drawn = text.getBBox();
            return drawn.x < box.x || drawn.x + drawn.width > box.x + box.width;
          })
          .map((text) => `${chart.querySelector("title")?.textContent}: "${text.textContent}"`);
      }),
    );
    expect(clipped).toEqual([]);
  });
});

