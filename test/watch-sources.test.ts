import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchSources } from "../src/preview/watch-sources.ts";
import { tempDir } from "./helpers.ts";

const closing: (() => Promise<void>)[] = [];
afterEach(async () => Promise.all(closing.splice(0).map((close) => close())));

/** What npm start hears of while `act` runs, once its watcher is ready: each event and the file, in order. */
async function heardWhile(content: string, act: () => void): Promise<string[]> {
  const heard: string[] = [];
  const watcher = watchSources([content], (event, file) => heard.push(`${event} ${path.relative(content, file)}`));
  closing.push(() => watcher.close());
  await new Promise((resolve) => watcher.once("ready", resolve));
  act();
  // Long enough for chokidar to hear, and to have walked a linked folder had it followed the link.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return heard;
}

describe("npm start's watch of the content folder", () => {
  it("hears a page saved", async () => {
    const content = tempDir();
    expect(await heardWhile(content, () => writeFileSync(path.join(content, "about.md"), "# About\n"))).toEqual(["add about.md"]);
  });

  it("hears a page saved in a content folder that is itself a link to where the pages are kept", async () => {
    const kept = tempDir();
    const content = path.join(tempDir(), "content");
    symlinkSync(kept, content);
    const heard: string[] = [];
    const watcher = watchSources([content], (event, file) => heard.push(`${event} ${path.relative(kept, file)}`));
    closing.push(() => watcher.close());
    await new Promise((resolve) => watcher.once("ready", resolve));
    writeFileSync(path.join(content, "about.md"), "# About\n");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heard).toEqual(["add about.md"]);
  });

  it("hears a file whose name is not UTF-8, which chokidar alone does not, once a save", async () => {
    const content = tempDir();
    expect(await heardWhile(content, () => writeFileSync(Buffer.from(`${content}/bad-\xff.md`, "latin1"), "# Bad\n"))).toEqual(["undecodable bad-\uFFFD.md"]);
  });

  it("hears a file truly named with U+FFFD as any other", async () => {
    const content = tempDir();
    expect(await heardWhile(content, () => writeFileSync(path.join(content, "odd-\uFFFD.md"), "# Odd\n"))).toEqual(["add odd-\uFFFD.md"]);
  });

  it("hears a link to a folder added, but never walks into the folder it points to", async () => {
    const content = tempDir();
    const elsewhere = tempDir();
    for (let i = 0; i < 20; i++) mkdirSync(path.join(elsewhere, `folder-${i}`)), writeFileSync(path.join(elsewhere, `folder-${i}`, "secret.txt"), "outside the site");
    mkdirSync(path.join(content, "images"));
    const heard = await heardWhile(content, () => symlinkSync(elsewhere, path.join(content, "images", "dir")));
    expect(heard.filter((line) => line.includes("secret.txt") || line.includes("folder-"))).toEqual([]);
    expect(heard).toEqual([expect.stringMatching(/^add(Dir)? images\/dir$/)]);
  });
});
