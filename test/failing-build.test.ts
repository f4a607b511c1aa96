import { cpSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSite } from "../scripts/bench/generate.ts";
import { checkInProcess, fixtures, problemLines, root, runInProcess, runScript, tempDir } from "./helpers.ts";

const site = (name: string) => path.join(fixtures, "sites", name);

/** Every file of a folder with its bytes, to prove a failed build touched nothing. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name)).toString("base64")]),
  );

describe("a build with mistakes in it", () => {
  it("fails on a misspelled front matter field with the file, the line and the fix, and reports the page's other mistakes in the same run", async () => {
    const output = path.join(tempDir(), "site");
    const result = await runInProcess("build", ["--content", site("typo"), "--output", output]);
    expect(result.code).toBe(1);
    expect(problemLines(result.stderr)).toEqual([
      'test/fixtures/sites/typo/projects.md:1 error: the field "title" is missing — add "title:" with text',
      'test/fixtures/sites/typo/projects.md:2:1 error: unknown field "titel" — did you mean "title"?',
      'test/fixtures/sites/typo/projects.md:9 error: there is no data block called "agencis" — use one of: contact',
    ]);
    expect(result.stderr).toContain("Nothing was published");
    expect(() => statSync(output)).toThrow();
  });

  it("fails on data files of the wrong type, naming the file, the line and the field", async () => {
    const result = await runInProcess("build", ["--content", site("bad-data"), "--output", path.join(tempDir(), "site")]);
    expect(result.code).toBe(1);
    expect(problemLines(result.stderr)).toEqual([
      'test/fixtures/sites/bad-data/_data/agencies.yaml:4:11 error: "Data Office" belongs to "Riverside Transt", which is not in this file — did you mean "Riverside Transit"?',
      'test/fixtures/sites/bad-data/_data/settings.yaml:3:6 error: "url" must be a full address starting with https://, but it is the text "civic.example.org" — write the whole address, starting with https://',
      'test/fixtures/sites/bad-data/_data/settings.yaml:7:1 error: the field "label" in "contact" is missing — add "label:" with text',
      'test/fixtures/sites/bad-data/_data/settings.yaml:10:3 error: unknown field "lable" in "contact" — did you mean "label"?',
      'test/fixtures/sites/bad-data/_data/settings.yaml:11:12 error: "copyright" should be text, but it is the number 2026 — put it in quotes, as it is written, so that it is read as text',
    ]);
    expect(result.stderr).toContain("5 errors, 0 warnings, 0 notes");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("names an unknown data block at its line once the front matter is right", async () => {
    const content = path.join(tempDir(), "typo");
    cpSync(site("typo"), content, { recursive: true });
    const page = path.join(content, "projects.md");
    writeFileSync(page, readFileSync(page, "utf8").replace("titel:", "title:"));
    const result = await checkInProcess(["--content", content]);
    expect(result.code).toBe(1);
    expect(problemLines(result.stderr)).toEqual([`${page}:9 error: there is no data block called "agencis" — use one of: contact`]);
  });

  it("refuses, under a path prefix, raw HTML that the prefix's rewrite would read as other markup, and a page that ends inside a tag", async () => {
    const content = path.join(tempDir(), "content");
    cpSync(site("second-site"), content, { recursive: true });
    const front = "---\ntitle: Notes\ndescription: Notes of the meeting.\n---\n";
    writeFileSync(path.join(content, "notes.md"), `${front}<div>\n<<?x>meta http-equiv=refresh content=0;url=https://attacker.invalid/>\n</div>\n`);
    writeFileSync(path.join(content, "minutes.md"), `${front}Some words.\n\n<div>\n<meta http-equiv="refresh" content="0;url=https://attacker.invalid/"`);
    const output = path.join(tempDir(), "site");
    const result = await runInProcess("build", ["--content", content, "--output", output, "--path-prefix", "/code-site/"]);
    expect(result.code).toBe(1);
    expect(problemLines(result.stderr)).toEqual(
      expect.arrayContaining([
        `${path.join(content, "minutes.md")}:8:1 error: the page ends inside an unfinished tag, which would take in the page's layout after it — finish the tag with >, or remove it`,
        `${path.join(content, "notes.md")}:6:3 error: a <? … > instruction, which browsers read as a comment and other tools leave out — remove it`,
      ]),
    );
    expect(() => statSync(output)).toThrow();
  });

  it("leaves the previously published site byte for byte as it was", async () => {
    const output = path.join(tempDir(), "site");
    const good = await runInProcess("build", ["--content", site("second-site"), "--output", output]);
    expect(good.code).toBe(0);
    const before = snapshot(output);
    const bad = await runInProcess("build", ["--content", site("typo"), "--output", output]);
    expect(bad.code).toBe(1);
    expect(snapshot(output)).toEqual(before);
    // Beside it, only the folder it links to: the failed build's staging folder is gone.
    expect(readdirSync(path.dirname(output)).sort()).toEqual([path.basename(realpathSync(output)), "site"].sort());
  });

  it("prints every problem and the count through a pipe, as a CI log reads it, however long the report", async () => {
    const content = path.join(tempDir(), "content");
    // 2,000 pages, each reading far above grade 9: 400 KB of warnings, far more than a pipe holds. Most are one
    // long sentence, quick to check: it is the length of the report that matters.
    generateSite(content, 100, path.join(root, "content"));
    mkdirSync(path.join(content, "notes"));
    const sentence = Array.from({ length: 40 }, () => "institutional interoperability").join(" ");
    for (let i = 0; i < 1900; i++) writeFileSync(path.join(content, "notes", `note-${i}.md`), `---\ntitle: Note ${i}\ndescription: A note.\n---\n\n${sentence}.\n`);
    writeFileSync(path.join(content, "broken.md"), readFileSync(path.join(content, "index.md"), "utf8").replace(/\n---\n/, "\n---\n\nSee [the missing page](/missing/).\n"));
    const checked = await runScript("check", ["--content", content]);
    expect(checked.code).toBe(1);
    const lines = problemLines(checked.stderr + checked.stdout);
    expect(lines.filter((line) => / warning: the page reads (at|past) grade/.test(line))).toHaveLength(2001);
    expect(lines.filter((line) => line.includes(" error: "))).toHaveLength(1);
    expect(checked.stderr.trim().split("\n").at(-1)).toMatch(/^1 error, \d+ warnings, \d+ notes?$/);
  });
});
