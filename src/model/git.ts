import { execFileSync } from "node:child_process";
import path from "node:path";

export interface CommitDates {
  /** Whether the folder is in a git checkout at all. */
  inRepository: boolean;
  /** A shallow clone knows only its latest commits, so every file would seem changed on the same day. */
  shallow: boolean;
  /** The date of the last commit that touched each file, by absolute path. */
  dates: Map<string, Date>;
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "ignore"] });
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
    return { inRepository: false, shallow: false, dates: new Map() };
  }
  const shallow = isShallowClone(dir);
  const dates = new Map<string, Date>();
  if (shallow) return { inRepository: true, shallow, dates };
  let log = "";
  try {
    log = git(dir, ["log", "--format=%x1e%cI", "--name-only", "--no-renames", "--", "."]);
  } catch {
    // A repository without commits yet: no file has a commit date.
  }
  for (const entry of log.split("\x1e")) {
    const [date, ...files] = entry.trim().split("\n");
    if (!date) continue;
    const when = new Date(date);
    for (const file of files) {
      if (!file) continue;
      const absolute = path.join(root, file);
      if (!dates.has(absolute)) dates.set(absolute, when);
    }
  }
  return { inRepository: true, shallow, dates };
}

/**
 * The files a change touches, by absolute path: those that differ from where `base` and this checkout part ways
 * (as a pull request shows them), plus any not committed yet. Undefined when git cannot say (no such branch).
 */
export function changedFiles(dir: string, base: string): Set<string> | undefined {
  try {
    const root = git(dir, ["rev-parse", "--show-toplevel"]).trim();
    const committed = git(dir, ["diff", "--name-only", `${base}...HEAD`]);
    const uncommitted = git(dir, ["status", "--porcelain", "--untracked-files=all"]).split("\n").map((line) => line.slice(3));
    return new Set([...committed.split("\n"), ...uncommitted].filter(Boolean).map((file) => path.join(root, file)));
  } catch {
    return undefined;
  }
}
