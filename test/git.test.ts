import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { changedLines, readCommitDates } from "../src/model/git.ts";
import { ThrowawayRepo } from "./git-repo.ts";
import { tempDir } from "./helpers.ts";

/** Each changed file by its name, with its changed lines in order. */
const byName = (changed: ReturnType<typeof changedLines>) => Object.fromEntries([...(changed ?? [])].map(([file, lines]) => [path.basename(file), lines === "every line" ? lines : [...lines].sort((a, b) => a - b)]));

describe("readCommitDates: one git log pass for the whole site", () => {
  it("gives every file the date of the last commit that touched it", () => {
    const repo = new ThrowawayRepo(tempDir());
    mkdirSync(path.join(repo.dir, "content"));
    repo.commit("2024-01-10T09:00:00Z", { "content/a.md": "a", "content/b.md": "b", "outside.md": "o" });
    repo.commit("2024-06-01T09:00:00Z", { "content/b.md": "b2" });
    const { inRepository, shallow, dates } = readCommitDates(path.join(repo.dir, "content"));
    expect({ inRepository, shallow }).toEqual({ inRepository: true, shallow: false });
    expect(Object.fromEntries([...dates].map(([file, date]) => [path.relative(repo.dir, file), date.toISOString()]))).toEqual({
      "content/a.md": "2024-01-10T09:00:00.000Z",
      "content/b.md": "2024-06-01T09:00:00.000Z",
    });
  });

  it("takes a commit dated after today, even in a year no calendar writes or a time zone no clock has, as made today", () => {
    const repo = new ThrowawayRepo(tempDir());
    repo.commit("2024-01-10T09:00:00Z", { "a.md": "a", "b.md": "b" });
    repo.commit("@999999999999 +0000", { "a.md": "a2" });
    repo.commit("@1700000000 +9959", { "b.md": "b2" });
    const before = Date.now();
    const { dates } = readCommitDates(repo.dir);
    const a = dates.get(path.join(repo.dir, "a.md"))!;
    expect(a.getTime()).toBeGreaterThanOrEqual(before);
    expect(a.getTime()).toBeLessThanOrEqual(Date.now());
    expect(dates.get(path.join(repo.dir, "b.md"))!.toISOString()).toBe("2023-11-14T22:13:20.000Z");
  });

  it("knows a shallow clone, where every file would seem changed at once", () => {
    const origin = new ThrowawayRepo(tempDir());
    origin.commit("2024-01-10T09:00:00Z", { "a.md": "a" });
    origin.commit("2024-02-10T09:00:00Z", { "b.md": "b" });
    const clone = path.join(tempDir(), "clone");
    origin.git(["clone", "-q", "--depth", "1", `file://${origin.dir}`, clone]);
    expect(readCommitDates(clone)).toEqual({ inRepository: true, shallow: true, dates: new Map(), history: new Map() });
  });

  it("works outside a git checkout and in a repository with no commits", () => {
    expect(readCommitDates(tempDir())).toEqual({ inRepository: false, shallow: false, dates: new Map(), history: new Map() });
    expect(readCommitDates(new ThrowawayRepo(tempDir()).dir).dates.size).toBe(0);
  });
});

describe("what a change touches", () => {

  it("is each file changed since the branch it came from, committed or not, with its changed lines; every line of a new or moved file", () => {
    const repo = new ThrowawayRepo(tempDir());
    repo.commit("2026-01-01T00:00:00Z", { "a.md": "1\n2\n3\n4\n5\n6\n", "b.md": "b\n", "c.md": "c\n", "d.md": "1\n2\n3\n" });
    repo.git(["checkout", "-q", "-b", "edit"]);
    repo.commit("2026-01-02T00:00:00Z", { "a.md": "1\ntwo\n3\n4\n5\nsix\nseven\n" });
    repo.git(["mv", "c.md", "moved.md"]);
    writeFileSync(path.join(repo.dir, "b.md"), "b, not yet committed\n");
    writeFileSync(path.join(repo.dir, "d.md"), "1\n3\n");
    writeFileSync(path.join(repo.dir, "new.md"), "new\n");
    expect(byName(changedLines(repo.dir, "main"))).toEqual({
      "a.md": [2, 6, 7],
      "b.md": [1],
      // A line taken out: the lines either side of where it was.
      "d.md": [1, 2],
      "moved.md": "every line",
      "new.md": "every line",
    });
    expect(changedLines(repo.dir, "no-such-branch")).toBeUndefined();
  });

  it("names files whose names git prints quoted or with a tab after: a line break, a tab, a quote, a space, a backslash, letters beyond ASCII", () => {
    const names = ["_x\n::error title=Forged::forged.md", "tab\there.md", 'say "hi".md', "a space.md", "back\\slash.md", "año 🌉.md"];
    const repo = new ThrowawayRepo(tempDir());
    repo.commit("2026-01-01T00:00:00Z", Object.fromEntries(names.map((name) => [name, "1\n2\n"])));
    repo.git(["checkout", "-q", "-b", "edit"]);
    repo.commit("2026-01-02T00:00:00Z", Object.fromEntries(names.slice(0, 4).map((name) => [name, "1\ntwo\n"])));
    for (const name of names.slice(4)) writeFileSync(path.join(repo.dir, `new ${name}`), "new\n");
    expect(byName(changedLines(repo.dir, "main"))).toEqual({ ...Object.fromEntries(names.slice(0, 4).map((name) => [name, [2]])), ...Object.fromEntries(names.slice(4).map((name) => [`new ${name}`, "every line"])) });
    expect([...readCommitDates(repo.dir).dates.keys()].map((file) => path.basename(file)).sort()).toEqual([...names].sort());
  });

  it("reads a page's text as text, never as a header, and ignores the repository's attributes and diff settings", () => {
    const repo = new ThrowawayRepo(tempDir());
    repo.commit("2026-01-01T00:00:00Z", { "long.md": "1\n2\n3\n4\n", "a b.md": "a\n", ".gitattributes": "*.md -diff\n" });
    repo.git(["config", "diff.mnemonicPrefix", "true"]);
    repo.git(["config", "diff.noprefix", "true"]);
    repo.git(["checkout", "-q", "-b", "edit"]);
    // An added line that reads "++ b/a b.md" shows in the diff as "+++ b/a b.md".
    repo.commit("2026-01-02T00:00:00Z", { "long.md": "1\n++ b/a b.md\n3\nfour\n" });
    expect(byName(changedLines(repo.dir, "main"))).toEqual({ "long.md": [2, 4] });
  });
});

describe("a repository's own settings", () => {
  it("never run a program of its choosing while the site reads its history and changes: a file-system monitor, a signature checker", () => {
    const repo = new ThrowawayRepo(tempDir());
    repo.commit("2026-01-01T00:00:00Z", { "a.md": "1\n" });
    // A commit that carries a signature, which git log checks when the repository asks it to show them.
    const commit = repo.git(["cat-file", "commit", "HEAD"]).replace(/\n\n/, "\ngpgsig -----BEGIN PGP SIGNATURE-----\n \n -----END PGP SIGNATURE-----\n\n");
    const signed = execFileSync("git", ["hash-object", "-t", "commit", "-w", "--stdin"], { cwd: repo.dir, input: commit }).toString().trim();
    repo.git(["update-ref", "HEAD", signed]);
    const ran = path.join(tempDir(), "ran");
    const program = path.join(tempDir(), "program.sh");
    writeFileSync(program, `#!/bin/sh\necho ran >> ${ran}\nexit 1\n`, { mode: 0o755 });
    repo.git(["config", "core.fsmonitor", program]);
    repo.git(["config", "log.showSignature", "true"]);
    repo.git(["config", "gpg.program", program]);
    writeFileSync(path.join(repo.dir, "a.md"), "1\n2\n");
    expect(byName(changedLines(repo.dir, "HEAD"))).toEqual({ "a.md": [2] });
    expect([...readCommitDates(repo.dir).dates.keys()].map((file) => path.basename(file))).toEqual(["a.md"]);
    expect(existsSync(ran)).toBe(false);
  });
});

describe("the commit dates of files", () => {
  it("keep a space at the end of a file's name", () => {
    const repo = new ThrowawayRepo(tempDir());
    repo.commit("2026-01-01T00:00:00Z", { "trail.md ": "a" });
    expect([...readCommitDates(repo.dir).dates.keys()].map((file) => path.basename(file))).toEqual(["trail.md "]);
  });
});
