import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CheckMemory, checkSite } from "../src/checks/index.ts";
import { ReadMemory } from "../src/model/pages.ts";
import { loadSite } from "../src/model/site.ts";
import { formatProblem } from "../src/problems/problems.ts";
import { fixtures, tempDir } from "./helpers.ts";

/** A memory of the pages read that counts how often each page file is read. */
class CountedReadMemory extends ReadMemory {
  readonly reads = new Map<string, number>();
  override recall(file: string, from: readonly string[], work: () => ReturnType<ReadMemory["recall"]>) {
    return super.recall(file, from, () => (this.reads.set(path.basename(file), (this.reads.get(path.basename(file)) ?? 0) + 1), work()));
  }
}

/**
 * The checks' base site in a folder of its own, checked as `npm start` checks it on every save: with one memory.
 * Its files are trusted unchanged once `settledMs` old (none here is older than this test).
 */
function preview(settledMs = 0) {
  const dir = tempDir();
  cpSync(path.join(fixtures, "checks", "base"), dir, { recursive: true });
  const memory = new CheckMemory();
  const reads = new CountedReadMemory(settledMs);
  const check = () => {
    const model = loadSite({ contentDir: dir, today: "2026-11-23", memory: reads });
    const checked = checkSite(model, { strict: false, memory });
    return { errors: checked.problems.filter((p) => p.severity === "error").map((p) => formatProblem(p).replace(`${dir}/`, "")), bodies: checked.bodies, model };
  };
  const write = (file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), "utf8")));
  return { dir, check, write, reads: reads.reads };
}

describe("checking again after a save, as npm start does", () => {
  it("reads again the front matter of the saved page only, and finds its new mistake", () => {
    const site = preview();
    const pageOf = (model: ReturnType<typeof site.check>["model"], file: string) => model.pages.find((page) => page.file === path.join(site.dir, file))!.page;
    const first = site.check().model;
    site.write("contact.md", (text) => text.replace(/^title: .*$/m, "titel: Contact"));
    const { errors, model } = site.check();
    expect(pageOf(model, "index.md")).toBe(pageOf(first, "index.md"));
    expect(pageOf(model, "contact.md")?.data).toBeUndefined();
    expect(errors).toEqual(['contact.md:1 error: the field "title" is missing — add "title:" with text', 'contact.md:2:1 error: unknown field "titel" — did you mean "title"?']);
  });

  it("reads a page file again only once it is written to", () => {
    const site = preview();
    site.check();
    site.check();
    expect(Object.fromEntries(site.reads)).toEqual({ "index.md": 1, "contact.md": 1 });
    site.write("contact.md", (text) => `${text}\nMore.\n`);
    site.check();
    expect(Object.fromEntries(site.reads)).toEqual({ "index.md": 1, "contact.md": 2 });
  });

  it("reads again a page file written moments before a reading, which could change again unseen within its time stamps' tick", () => {
    const site = preview(60_000);
    site.check();
    site.check();
    expect(Object.fromEntries(site.reads)).toEqual({ "index.md": 2, "contact.md": 2 });
  });

  it("reads again a page written with text of the same length and its old modification time put back, as a copy keeping times does", () => {
    const site = preview();
    const contact = path.join(site.dir, "contact.md");
    const day = new Date("2026-01-01T00:00:00Z");
    utimesSync(contact, day, day);
    const before = statSync(contact, { bigint: true });
    expect(site.check().bodies.get(contact)).toContain("We meet online.");
    site.write("contact.md", (text) => text.replace("We meet online.", "We meet inline."));
    utimesSync(contact, day, day);
    const after = statSync(contact, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    expect(site.check().bodies.get(contact)).toContain("We meet inline.");
  });

  it("finds what the saved page broke, and renders it anew", () => {
    const site = preview();
    expect(site.check().errors).toEqual([]);
    site.write("index.md", (text) => `${text}\nSee [the missing page](/missing/).\n`);
    const { errors, bodies } = site.check();
    expect(errors).toEqual(['index.md:9:24 error: the link to "/missing/" goes to a page that does not exist — check the address, or create the page']);
    expect(bodies.get(path.join(site.dir, "index.md"))).toContain('href="/missing/"');
  });

  it("checks an unchanged page's links against the site as it is now", () => {
    const site = preview();
    site.write("index.md", (text) => `${text}\nSee [how to write to us](/contact/#write-to-us).\n`);
    expect(site.check().errors).toEqual([]);
    // The page linked to loses the section; the page that links to it is not saved, yet its link is found broken.
    site.write("contact.md", (text) => text.replace("## Write to us", "## Write"));
    expect(site.check().errors).toEqual(['index.md:9:26 error: the link "/contact/#write-to-us" goes to a section "#write-to-us" that is not on the page /contact/ — the nearest is "#write"; its sections are #write, #visit-us']);
  });

  it("renders again the pages that show data when a data file changes, though their text did not", () => {
    const site = preview();
    expect(site.check().bodies.get(path.join(site.dir, "contact.md"))).toContain("Open an issue");
    site.write("_data/settings.yaml", (text) => text.replace("label: Open an issue", "label: Write to the maintainers"));
    expect(site.check().bodies.get(path.join(site.dir, "contact.md"))).toContain("Write to the maintainers");
  });

  it("forgets nothing it found on pages not saved, and nothing of a page removed", () => {
    const site = preview();
    site.write("contact.md", (text) => `${text}\n<script>alert(1)</script>\n`);
    const first = site.check().errors;
    expect(first).toHaveLength(1);
    site.write("index.md", (text) => `${text}\nMore welcome.\n`);
    expect(site.check().errors).toEqual(first);
    site.write("index.md", (text) => `${text}\nSee [contact](/contact/).\n`);
    writeFileSync(path.join(site.dir, "contact.md"), "");
    expect(site.check().errors.some((error) => error.includes("<script>"))).toBe(false);
  });
});
