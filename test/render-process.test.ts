import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputFileOf } from "../src/model/addresses.ts";
import { prepareSite } from "../src/prepare.ts";
import { renderFailure } from "../src/render/render-failure.ts";
import { RenderProcess } from "../src/render/render-process.ts";
import { fixtures, tempDir } from "./helpers.ts";

/** The second community's site, read and checked, and its published pages (the draft is not). */
function checkedSite() {
  const site = prepareSite({ contentDir: path.join(fixtures, "sites", "second-site"), today: "2026-11-30" }, { strict: false });
  const published = site.model.pages.filter((page) => page.page?.data && !page.page.data.draft);
  return { site, published, bodyOf: (file: string) => [file, site.bodies.get(file)!] as [string, string] };
}

const written = (output: string, url: string) => path.join(output, outputFileOf(url));

describe("the build's rendering process, which renders the site while the checks go on", () => {
  it("writes each page with the checked HTML it is handed, once the checks pass", { timeout: 60_000 }, async () => {
    const { site, published, bodyOf } = checkedSite();
    const output = tempDir();
    const render = new RenderProcess();
    await render.render(site.model, output);
    for (const page of published) await render.add([bodyOf(page.file)]);
    const rendered = await render.finish();
    expect(rendered.failure).toBeUndefined();
    for (const page of published) expect(readFileSync(written(output, page.url), "utf8")).toContain(site.bodies.get(page.file));
    expect(rendered.fileCount).toBeGreaterThan(published.length);
  });

  it("never writes a page whose checked HTML did not arrive, and fails naming it when the checks pass without it", { timeout: 60_000 }, async () => {
    const { site, published, bodyOf } = checkedSite();
    const [withheld, ...others] = published;
    const output = tempDir();
    const render = new RenderProcess();
    await render.render(site.model, output);
    await render.add(others.map((page) => bodyOf(page.file)));
    const rendered = await render.finish();
    expect(rendered.failure).toContain(`${withheld!.file} was rendered without being checked`);
    expect(existsSync(written(output, withheld!.url))).toBe(false);
  });

  it("answers why Eleventy stopped, for the build to say if the checks passed: it may be rendering a site whose checks will fail", { timeout: 60_000 }, async () => {
    const content = path.join(tempDir(), "clash");
    cpSync(path.join(fixtures, "sites", "second-site"), content, { recursive: true });
    writeFileSync(path.join(content, "clash.md"), "---\ntitle: Clash\ndescription: A page written over another.\npermalink: /contact/index.html\n---\n\nText.\n");
    const site = prepareSite({ contentDir: content, today: "2026-11-30" }, { strict: false });
    expect(site.problems.map((p) => p.message).join("\n")).toMatch(/same file/);
    const render = new RenderProcess();
    await render.render(site.model, tempDir());
    await render.add(site.model.pages.map((page) => [page.file, site.bodies.get(page.file)!]));
    const rendered = await render.finish();
    // In the generator's words, naming a page by its Markdown file: nothing of Eleventy's reaches an editor.
    expect(rendered.failure).toBe("this page could not be laid out into the site");
    expect([path.join(content, "contact.md"), path.join(content, "clash.md")]).toContain(rendered.failedPage);
  });

  it("writes no page before its checked HTML arrives, however long the checks take, and ends when stopped", { timeout: 60_000 }, async () => {
    const { site, published } = checkedSite();
    const output = tempDir();
    const render = new RenderProcess();
    await render.render(site.model, output);
    // Eleventy is at work: it has written the pages the generator makes from the model alone (the site map).
    const siteMap = path.join(output, "site-map", "index.html");
    while (!existsSync(siteMap)) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(published.filter((page) => existsSync(written(output, page.url)))).toEqual([]);
    await render.stop();
  });
});

describe("why the site could not be laid out, in the generator's words", () => {
  it("blames a full disk, not the layouts, when Eleventy could not write a page for want of room", () => {
    // As Eleventy throws it: its own error, keeping the system's as originalError.
    const noRoom = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write", path: "/site/.site-x/about/index.html" });
    const thrown = Object.assign(new Error('Having trouble writing to "/site/.site-x/about/index.html" from "./src/render/input/about.checked-page"'), { originalError: noRoom });
    expect(renderFailure(thrown, "/content")).toEqual({ message: "the disk the site is written to is full", fix: "free some space on it, or give --output a folder on another disk" });
    expect(renderFailure(new Error('Having trouble rendering "./src/render/input/about.checked-page"'), "/content")).toEqual({ page: path.join("/content", "about.md"), message: "this page could not be laid out into the site" });
  });
});
