import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import path from "node:path";
import type { ChangedLines } from "../problems/report.ts";

export interface Commit {
  hash: string;
  date: Date;
}

export interface CommitDates {
  /** Whether the folder is in a git checkout at all. */
  inRepository: boolean;
  /** A shallow clone knows only its latest commits, so every file would seem changed on the same day. */
  shallow: boolean;
  /** The date of the last commit that touched each file, by absolute path. */
  dates: Map<string, Date>;
  /** Every commit that touched each file, newest first, by absolute path: what a translation has yet to catch up with. */
  history: Map<string, Commit[]>;
}

/**
 * The settings of a repository that would run a program of its choosing while git only reads (a file-system monitor,
 * a signature checker), switched off: a content folder may come from elsewhere with its own .git inside. Locks
 * that git takes only to refresh its index are left untaken, as reading needs none.
 */
const readOnly = ["--no-optional-locks", "-c", "core.fsmonitor=false", "-c", "log.showSignature=false"];

function git(cwd: string, args: string[]): string {
  return execFileSync("git", [...readOnly, ...args], { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
}

/**
 * Turns a path git gives (relative to the repository's real root) into the path the site model knows the file by,
 * under `dir` as it was given: a content folder reached through a symbolic link keeps its files' names.
 */
function pathsUnder(dir: string, root: string): (file: string) => string {
  const given = path.resolve(dir);
  const real = realpathSync(given);
  return (file) => path.join(given, path.relative(real, path.join(root, file)));
}

/** Whether `dir` is in a shallow clone, which knows only its latest commits. */
export function isShallowClone(dir: string): boolean {
  try {
    return git(dir, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
  } catch {
    return false;
  }
}

/**
 * The last commit date of every file under `dir`, from a single `git log` pass:
 * one process for the whole site instead of one per page.
 */
export function readCommitDates(dir: string): CommitDates {
  let root: string;
  try {
    root = git(dir, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    return { inRepository: false, shallow: false, dates: new Map(), history: new Map() };
  }
  const shallow = isShallowClone(dir);
  const under = pathsUnder(dir, root);
  const dates = new Map<string, Date>();
  const history = new Map<string, Commit[]>();
  if (shallow) return { inRepository: true, shallow, dates, history };
  const readAt = Date.now();
  let log = "";
  try {
    log = git(dir, ["-c", "core.quotePath=false", "log", "--format=%x1e%H %ct", "--name-only", "--no-renames", "--", "."]);
  } catch {
    // A repository without commits yet: no file has a commit date.
  }
  for (const entry of log.split("\x1e")) {
    // Only the line breaks around the entry: a file's name may end in a space.
    const [header, ...files] = entry.replace(/^\n+|\n+$/g, "").split("\n");
    if (!header) continue;
    const [hash = "", seconds = ""] = header.split(" ");
    // In seconds, as git keeps it: a commit may carry any date and time zone, even one no calendar can write
    // (year 33658, +99:59), and a date still to come is not yet a day anything happened.
    const commit = { hash, date: new Date(Math.min(Number(seconds) * 1000, readAt)) };
    for (const file of files) {
      if (!file) continue;
      const absolute = under(gitPath(file));
      if (!dates.has(absolute)) dates.set(absolute, commit.date);
      const commits = history.get(absolute);
      if (commits) commits.push(commit);
      else history.set(absolute, [commit]);
    }
  }
  return { inRepository: true, shallow, dates, history };
}

/** The C escapes git writes in a quoted path, and what each stands for. */
const escaped: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };

/**
 * A path as git prints it. Git puts a path with a control character, a quote or a backslash in double quotes, with
 * C escapes, and octal escapes for the bytes of other characters (core.quotePath): read as printed, such a file
 * would have no commit date, and seem untouched by a change.
 */
function gitPath(written: string): string {
  if (!written.startsWith('"') || !written.endsWith('"')) return written;
  // Split into text and escapes, which stand at the odd places.
  const parts = written.slice(1, -1).split(/(\\(?:[0-7]{3}|.))/);
  const bytes = parts.map((part, i) => (i % 2 === 0 ? Buffer.from(part) : Buffer.of(part.length === 4 ? parseInt(part.slice(1), 8) : (escaped[part[1]!] ?? part.charCodeAt(1)))));
  return Buffer.concat(bytes).toString("utf8");
}

/**
 * What a change touches, as a pull request shows it, by absolute path: the files that differ from where `base` and
 * this checkout part ways, committed or not, with their changed lines (every line of a file it adds or renames), plus
 * the files not committed yet. Undefined when git cannot say (no such branch).
 */
export function changedLines(dir: string, base: string): ChangedLines | undefined {
  try {
    const under = pathsUnder(dir, git(dir, ["rev-parse", "--show-toplevel"]).trim());
    const forkPoint = git(dir, ["merge-base", base, "HEAD"]).trim();
    // Against the working tree, so uncommitted edits count; without renames, so a moved file is new in every line.
    // As text, with a/ and b/ before the names, whatever the repository's attributes and settings say.
    const diff = git(dir, ["-c", "core.quotePath=false", "diff", "--unified=0", "--no-renames", "--no-color", "--no-ext-diff", "--no-textconv", "--no-relative", "--text", "--src-prefix=a/", "--dst-prefix=b/", forkPoint, "--", "."]);
    const changed = new Map<string, ReadonlySet<number> | "every line">();
    let file: string | undefined;
    // The lines of the hunk being read, still to come: a line of a page's text is never read as a header.
    let inHunk = 0;
    for (const line of diff.split("\n")) {
      if (inHunk > 0) {
        // "\ No newline at end of file" is said of the line before it.
        if (!line.startsWith("\\")) inHunk--;
        continue;
      }
      // A deleted file ("+++ /dev/null") has no lines to point at.
      if (line.startsWith("+++ ")) {
        // A name with a space in it ends with a tab, as GNU diff's do.
        const name = gitPath(line.slice("+++ ".length).replace(/\t$/, ""));
        file = name.startsWith("b/") ? under(name.slice("b/".length)) : undefined;
      }
      const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!hunk) continue;
      const [removed, start, added] = [hunk[2] === undefined ? 1 : Number(hunk[2]), Number(hunk[3]), hunk[4] === undefined ? 1 : Number(hunk[4])];
      inHunk = removed + added;
      if (!file) continue;
      const lines = changed.get(file) ?? new Set<number>();
      if (lines === "every line" || (hunk[1] === "0" && removed === 0)) {
        changed.set(file, "every line");
        continue;
      }
      // Lines only removed: a problem that causes shows on the lines either side of the gap.
      const touched = added === 0 ? [start, start + 1] : Array.from({ length: added }, (_, i) => start + i);
      changed.set(file, new Set([...lines, ...touched]));
    }
    for (const file of git(dir, ["-c", "core.quotePath=false", "ls-files", "--others", "--exclude-standard", "--full-name", "--", "."]).split("\n").filter(Boolean)) changed.set(under(gitPath(file)), "every line");
    return changed;
  } catch {
    return undefined;
  }
}
