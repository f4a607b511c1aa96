import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { CheckMemory } from "../src/checks/index.ts";
import { ReadMemory, type ReadPage } from "../src/model/pages.ts";
import type { PageWork } from "../src/checks/page-alone.ts";
import { siteEleventy } from "../src/render/eleventy.ts";
import { checkModel, checkModelInTurns, preparePageOnly, prepareSite, readSite } from "../src/prepare.ts";
import { aheadLimit, pagesToRenderAhead, SavedSite, type RenderedAhead } from "../src/preview/ahead.ts";
import { saveFailure } from "../src/preview/save-failure.ts";
import type { Problem } from "../src/problems/problems.ts";
import { postedSite, receivedSite, WholeBuilds, type WholeBuildDone } from "../src/preview/whole-build.ts";
import { startPreviewServer } from "../src/preview/server.ts";
import { fixtures, tempDir } from "./helpers.ts";

const page = (file: string, text: string): ReadPage => ({ file, text, url: `/${file.replace(/\.md$/, "")}/` });
const site = (...pages: ReadPage[]) => ({ pages });

describe("the pages a save renders ahead of the rest of the site", () => {
  it("are those whose text changed and those new, not those untouched or gone", () => {
    const before = site(page("about.md", "About"), page("values.md", "Values"), page("old.md", "Old"));
    const after = site(page("about.md", "About, edited"), page("values.md", "Values"), page("new.md", "New"));
    expect(pagesToRenderAhead(before, after)).toEqual(new Set(["about.md", "new.md"]));
  });

  it(`are none when more than ${aheadLimit} changed at once, as a switched branch does: the whole site is built instead`, () => {
    const many = (text: string) => site(...Array.from({ length: aheadLimit + 1 }, (_, i) => page(`page-${i}.md`, text)));
    expect(pagesToRenderAhead(many("before"), many("after")).size).toBe(0);
    expect(pagesToRenderAhead(many("before"), site(...many("after").pages.slice(0, aheadLimit))).size).toBe(aheadLimit);
  });
});

/** A memory of the checks that counts how often each page's own checks are done. */
class CountedCheckMemory extends CheckMemory {
  readonly done = new Map<string, number>();
  override recall(file: string, from: readonly string[], work: () => PageWork): PageWork {
    return super.recall(file, from, () => (this.done.set(path.basename(file), (this.done.get(path.basename(file)) ?? 0) + 1), work()));
  }
}

/**
 * The checks' base site in a folder of its own, read as npm start reads it: with its memories, and every reading
 * counted, with `pages` added. Its first reading is checked, unless `unchecked`: then the test checks it (`saved.checkFirstReading`).
 */
async function savedSite({ read, today = "2026-11-23", unchecked = false, pages = {} }: { read?: () => void; today?: string; unchecked?: boolean; pages?: Record<string, string> } = {}) {
  const dir = tempDir();
  const content = path.join(dir, "content");
  cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
  for (const [file, text] of Object.entries(pages)) writeFileSync(path.join(content, file), text);
  const siteOptions = { contentDir: content, today, memory: new ReadMemory() };
  const checkOptions = { strict: false, memory: new CountedCheckMemory() };
  let readings = 0;
  let told = 0;
  const failures: unknown[] = [];
  const shown: { pages: ReadonlyMap<string, string>; generation: number }[] = [];
  const output = path.join(dir, "site");
  const saved = new SavedSite(readSite(siteOptions), {
    read: () => (readings++, read?.(), prepareSite(siteOptions, checkOptions)),
    checkPage: (model, page) => preparePageOnly(model, page, checkOptions.memory),
    outputDir: output,
    show: (pages, _problems, generation) => shown.push({ pages, generation }),
    wasRead: () => told++,
    failed: (error) => (failures.push(error), saveFailure(error, "read", content).note !== undefined),
  });
  if (!unchecked) await saved.checkFirstReading(async (model) => checkModel(model, checkOptions));
  const save = async (file: string, change: (text: string) => string) => {
    writeFileSync(path.join(content, file), change(readFileSync(path.join(content, file), "utf8")));
    saved.saved();
    await saved.rendered();
  };
  return { saved, save, shown, output, content, checkOptions, failures, readings: () => readings, told: () => told };
}

describe("a save, while npm start previews the site", () => {
  it("is read once, and its page rendered alone and shown, numbered so a whole build of an earlier save does not replace it", async () => {
    const site = await savedSite();
    expect(site.saved.latest().generation).toBe(1);
    await site.save("contact.md", (text) => text.replace("We meet online.", "We meet online, on Thursdays."));
    expect(site.shown).toHaveLength(1);
    const pages = site.shown[0]!.pages;
    expect([...pages.keys()]).toEqual([path.join(site.output, "contact", "index.html")]);
    const html = [...pages.values()][0]!;
    expect(html).toContain("on Thursdays.");
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(site.shown[0]!.generation).toBe(2);
    // The whole build that follows is handed this reading.
    expect(site.saved.latest().generation).toBe(2);
    expect(site.saved.latest().site.model.pages.find((page) => page.file.endsWith("contact.md"))?.text).toContain("on Thursdays.");
    expect(site.readings()).toBe(1);
    expect(site.told()).toBe(1);
  });

  it("of the home page is rendered alone too, listing the site's pages as the whole build does", async () => {
    const site = await savedSite();
    // A permalink to a folder's index.html is listed at the folder's address, as Eleventy's collections give it.
    await site.save("contact.md", (text) => text.replace("title: Contact", "title: Contact\norder: 1\npermalink: /contact/index.html"));
    await site.save("index.md", (text) => `${text}\nWelcome, all.\n`);
    expect(site.shown).toHaveLength(2);
    const home = parse(site.shown[1]!.pages.get(path.join(site.output, "index.html"))!);
    expect(home.querySelector("main")?.text).toContain("Welcome, all.");
    expect(home.querySelectorAll(".page-list a").map((a) => [a.text, a.getAttribute("href")])).toEqual([["Contact", "/contact/"]]);
    expect(site.readings()).toBe(2);
    expect(site.told()).toBe(2);
  });
});

describe("a page asked for before the first whole build", () => {
  it("is rendered alone from the latest save, at its address; an address of no page renders nothing", async () => {
    const site = await savedSite();
    await site.save("contact.md", (text) => text.replace("We meet online.", "We meet online, on Fridays."));
    const [contact, again, nothing] = await Promise.all([site.saved.renderPage("/contact/"), site.saved.renderPage("/contact/"), site.saved.renderPage("/nowhere/")]);
    // Open in two tabs, it is rendered once for both.
    expect(again).toBe(contact);
    expect(contact?.generation).toBe(2);
    expect([...contact!.pages.keys()]).toEqual([path.join(site.output, "contact", "index.html")]);
    expect([...contact!.pages.values()][0]).toContain("on Fridays.");
    expect(nothing).toBeUndefined();
  });

  it("while the site is still being checked, is checked alone and rendered with its own problems, before the checks go on", async () => {
    const embed = "---\ntitle: Map\ndescription: Where we meet.\n---\n\nOur office.\n\n<iframe src=\"https://maps.example.com/\"></iframe>\n";
    // Pages enough for the checks to take several turns; the page asked for is the last of them.
    const others = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`page-${i}.md`, `---\ntitle: Page ${i}\ndescription: Page ${i}.\n---\n\nText ${i}.\n`]));
    const site = await savedSite({ unchecked: true, pages: { ...others, "zz-map.md": embed } });
    const events: string[] = [];
    let asked: Promise<RenderedAhead | undefined> | undefined;
    const checked = site.saved.checkFirstReading((model, between) =>
      checkModelInTurns(model, site.checkOptions, async () => {
        events.push("turn");
        asked ??= site.saved.renderPage("/zz-map/").then((rendered) => (events.push("rendered"), rendered));
        await between();
      }),
    );
    const rendered = await asked!;
    const page = parse([...rendered!.pages.values()][0]!);
    expect(page.querySelector("main .preview-problems")?.textContent).toContain("zz-map.md:8:1 error: a <iframe> element embeds another website");
    expect(page.querySelector("iframe")).toBeNull();
    expect(rendered!.generation).toBe(1);
    // Checked alone, it is not known to speak for the whole site.
    expect(rendered!.checked).toBe(false);
    const site1 = await checked;
    expect(events.slice(0, 2)).toEqual(["turn", "rendered"]);
    expect(events.filter((event) => event === "turn").length).toBeGreaterThan(1);
    // The whole site, checked, finds the same problem, without checking the page again.
    expect(site1.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.message}`)).toContain("zz-map.md:8 a <iframe> element embeds another website, which pages may not do");
    expect(site.checkOptions.memory.done.get("zz-map.md")).toBe(1);
    expect(site.saved.latest().site).toBe(site1);
    // Asked for now, the page is rendered from the site as checked.
    expect((await site.saved.renderPage("/zz-map/"))?.checked).toBe(true);
  });

  it("saved while the site is still being checked, is read and shown once the checks are done", async () => {
    const site = await savedSite({ unchecked: true });
    await site.saved.checkFirstReading(async (model) => {
      await site.save("contact.md", (text) => text.replace("We meet online.", "We meet online, on Saturdays."));
      expect(site.readings()).toBe(0);
      return checkModel(model, site.checkOptions);
    });
    await site.saved.rendered();
    expect(site.readings()).toBe(1);
    expect([...site.shown[0]!.pages.values()][0]).toContain("on Saturdays.");
    expect(site.saved.latest().generation).toBe(2);
  });

  it("carries the copyright year of the day the site is built for, not of the clock, so a build over midnight is one site", async () => {
    const site = await savedSite({ today: "2031-01-01" });
    const contact = await site.saved.renderPage("/contact/");
    const footer = parse([...contact!.pages.values()][0]!).querySelector(".copyright");
    expect(footer?.textContent).toBe("Copyright © 2031 Checks Example");
  });
});

describe("a save that cannot be read", () => {
  it("is said, and the next save is read and shown as ever", async () => {
    let fail = true;
    const site = await savedSite({ read: () => {
      if (fail) throw new Error("the disk is gone");
    } });
    await site.save("contact.md", (text) => `${text}\nOnce.\n`);
    expect(site.failures).toEqual([new Error("the disk is gone")]);
    expect(site.shown).toEqual([]);
    fail = false;
    await site.save("contact.md", (text) => `${text}\nTwice.\n`);
    expect([...site.shown[0]!.pages.values()][0]).toContain("Twice.");
  });
});

describe("a save read as a file is removed", () => {
  it("is read again, once the file is gone, and its pages shown", async () => {
    const site = await savedSite({ read: () => {
      // Listed by the reading, then removed before it could be read.
      if (site?.readings() === 1) readFileSync(path.join(site.content, "notes.md"));
    } });
    await site.save("contact.md", (text) => `${text}\nOnce.\n`);
    expect(site.failures).toHaveLength(1);
    expect(site.readings()).toBe(2);
    expect([...site.shown[0]!.pages.values()][0]).toContain("Once.");
    expect(site.saved.latest().generation).toBe(2);
  });
});

/** The translated fixture site without its Spanish "values" page, and a way to add it: what a translator's save does. */
function translatedSite() {
  const content = path.join(tempDir(), "content");
  cpSync(path.join(fixtures, "sites", "translated"), content, { recursive: true });
  const translation = path.join(content, "es", "values.md");
  const translated = readFileSync(translation, "utf8");
  rmSync(translation);
  return {
    content,
    output: path.join(content, "..", "site"),
    read: () => prepareSite({ contentDir: content, today: "2026-11-23" }, { strict: false }),
    translate: () => writeFileSync(translation, translated),
  };
}
const spanishLink = (html: string) => parse(html).querySelector('link[hreflang="es"]')?.getAttribute("href");

describe("the pages of one save after another, rendered in the preview's thread", () => {
  it("are each rendered with the site they are handed, not the layouts and filters of the first", async () => {
    const site = translatedSite();
    const values = async () => {
      const read = site.read();
      const only = new Set([path.join(site.content, "values.md")]);
      const [page] = await siteEleventy(() => read, site.output, { indexSearch: false, preview: true, only, pathPrefix: "/" }).toJSON();
      return page!.content;
    };
    expect(spanishLink(await values())).toBeUndefined();
    site.translate();
    expect(spanishLink(await values())).toMatch(/\/es\/values\/$/);
  });
});

describe("npm start's whole builds", () => {
  it("are handed the site with each page's checked HTML, whatever its characters, and without the Markdown they never read", () => {
    const site = translatedSite().read();
    const file = [...site.bodies.keys()][0]!;
    const bodies = new Map([...site.bodies, [file, "\uFEFF<p>Mañana, 東京, 🌉 &amp; más</p>"]]);
    const posted = postedSite({ ...site, bodies });
    const received = receivedSite(structuredClone(posted, { transfer: [posted.bodies.html] }));
    expect(received.bodies).toEqual(bodies);
    expect(received.model.pages.map((page) => [page.file, page.url, page.page?.data])).toEqual(site.model.pages.map((page) => [page.file, page.url, page.page?.data]));
    expect(received.model.pages.every((page) => page.text === "" && !page.page?.body)).toBe(true);
    expect(received.problems).toEqual(site.problems);
  });

  it("run one after another, each of the site it is handed, each in a thread of its own", { timeout: 60_000 }, async () => {
    const site = translatedSite();
    let latest = { site: site.read(), generation: 1 };
    let built: (build: WholeBuildDone) => void = () => {};
    const builds = new WholeBuilds(site.output, () => latest, (build) => built(build));
    const build = () => new Promise<WholeBuildDone>((resolve) => ((built = resolve), builds.request()));
    try {
      const first = await build();
      expect(first.generation).toBe(1);
      expect(first.written).toContain(path.join(site.output, "values", "index.html"));
      expect(spanishLink(readFileSync(path.join(site.output, "values", "index.html"), "utf8"))).toBeUndefined();
      site.translate();
      latest = { site: site.read(), generation: 2 };
      expect((await build()).generation).toBe(2);
      expect(spanishLink(readFileSync(path.join(site.output, "values", "index.html"), "utf8"))).toMatch(/\/es\/values\/$/);
    } finally {
      await builds.close();
    }
  });
});

describe("the preview's server, given pages rendered ahead", () => {
  it("serves them in place of the files on disk until a whole build of the same save or a later one is written", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "about"));
    const onDisk = path.join(dir, "about", "index.html");
    writeFileSync(onDisk, "<!DOCTYPE html><html><body><p>As built</p></body></html>");
    const server = await startPreviewServer(dir, { host: "127.0.0.1", port: 0, pathPrefix: "/" });
    try {
      const page = async (address: string) => parse(await (await fetch(`${server.url}${address}`)).text()).querySelector("p")?.text;
      server.renderedAhead([], new Map([[onDisk, "<!DOCTYPE html><html><body><p>Saved</p></body></html>"], [path.join(dir, "new", "index.html"), "<!DOCTYPE html><html><body><p>New</p></body></html>"]]), 2);
      expect(await page("about/")).toBe("Saved");
      expect(await page("new/")).toBe("New");
      server.rebuilt([], new Set([onDisk]), 1);
      expect(await page("about/")).toBe("Saved");
      // A build that could write nothing (a data file has a mistake) leaves them too.
      server.rebuilt([], undefined, 2);
      expect(await page("about/")).toBe("Saved");
      // Without its final slash, the address is sent on to the folder's page, whose links then resolve.
      expect((await fetch(`${server.url}about`, { redirect: "manual" })).status).toBe(301);
      server.rebuilt([], new Set([onDisk]), 2);
      expect(await page("about/")).toBe("As built");
      expect((await fetch(`${server.url}new/`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("renders a page asked for until the first whole build is written, and then serves what that build wrote", async () => {
    const dir = tempDir();
    const asked: string[] = [];
    const renderPage = async (url: string) => {
      asked.push(url);
      return url === "/about/" ? { pages: new Map([[path.join(dir, "about", "index.html"), "<!DOCTYPE html><html><body><p>Rendered alone</p></body></html>"]]), problems: [], generation: 1, checked: true } : undefined;
    };
    const server = await startPreviewServer(dir, { host: "127.0.0.1", port: 0, pathPrefix: "/", renderPage });
    try {
      const page = async (address: string) => parse(await (await fetch(`${server.url}${address}`)).text()).querySelector("p")?.text;
      expect(await page("about/")).toBe("Rendered alone");
      expect((await fetch(`${server.url}nowhere/`)).status).toBe(404);
      // A file that is not a page waits for the whole build.
      expect((await fetch(`${server.url}assets/site.css`)).status).toBe(404);
      expect(asked).toEqual(["/about/", "/nowhere/"]);
      mkdirSync(path.join(dir, "about"));
      writeFileSync(path.join(dir, "about", "index.html"), "<!DOCTYPE html><html><body><p>As built</p></body></html>");
      server.rebuilt([], new Set([path.join(dir, "about", "index.html")]), 1);
      expect(await page("about/")).toBe("As built");
      expect(asked).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  it("serves a page checked alone, before the site is checked, to whoever asked: it speaks neither for the site's errors nor for later asks", async () => {
    const dir = tempDir();
    let asked = 0;
    const own = { file: "about.md", line: 8, message: "a problem of the page alone", severity: "error" } as Problem;
    const renderPage = async () => {
      asked++;
      return { pages: new Map([[path.join(dir, "about", "index.html"), `<!DOCTYPE html><html><body><p>Alone ${asked}</p></body></html>`]]), problems: [own], generation: 1, checked: false };
    };
    const server = await startPreviewServer(dir, { host: "127.0.0.1", port: 0, pathPrefix: "/", renderPage });
    try {
      const page = async () => (await fetch(`${server.url}about/`)).text();
      expect(await page()).toContain("Alone 1");
      const again = await page();
      expect(again).toContain("Alone 2");
      expect(again).not.toContain("While previewing: the site has");
    } finally {
      await server.close();
    }
  });

  it("keeps a whole build written while a page asked for was still being rendered, and that build's errors", async () => {
    const dir = tempDir();
    const onDisk = path.join(dir, "about", "index.html");
    let finish: (rendered: RenderedAhead) => void = () => {};
    let rendering: () => void = () => {};
    const renderingBegun = new Promise<void>((resolve) => (rendering = resolve));
    const renderPage = () => (rendering(), new Promise<RenderedAhead | undefined>((resolve) => (finish = resolve)));
    const server = await startPreviewServer(dir, { host: "127.0.0.1", port: 0, pathPrefix: "/", renderPage });
    try {
      const asked = fetch(`${server.url}about/`);
      await renderingBegun;
      mkdirSync(path.dirname(onDisk));
      writeFileSync(onDisk, "<!DOCTYPE html><html><body><p>Save 2, as built</p></body></html>");
      server.rebuilt([], new Set([onDisk]), 2);
      const stale = { file: "about.md", line: 1, message: "a problem of save 1", severity: "error" } as Problem;
      finish({ pages: new Map([[onDisk, "<!DOCTYPE html><html><body><p>Save 1, alone</p></body></html>"]]), problems: [stale], generation: 1, checked: true });
      await asked;
      const body = await (await fetch(`${server.url}about/`)).text();
      expect(body).toContain("Save 2, as built");
      expect(body).not.toContain("a problem of save 1");
    } finally {
      await server.close();
    }
  });
});

describe("the preview's server under a path prefix", () => {
  it("sends the site's folder without its final slash on to the site", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "index.html"), "<!DOCTYPE html><html><body><p>Home</p></body></html>");
    const server = await startPreviewServer(dir, { host: "127.0.0.1", port: 0, pathPrefix: "/repo/" });
    try {
      const ask = async (address: string) => {
        const response = await fetch(new URL(address, server.url), { redirect: "manual" });
        return { status: response.status, location: response.headers.get("location") };
      };
      expect(await ask("/repo")).toEqual({ status: 301, location: "/repo/" });
      expect(await ask("/")).toEqual({ status: 302, location: "/repo/" });
      expect((await ask("/repository")).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
