import { statSync } from "node:fs";
import path from "node:path";
import type { CommitDates } from "../../model/git.ts";

/**
 * When a page last changed: its last commit in git, or outside a git checkout its file's modification time.
 * In a shallow clone there is no trustworthy date, so none is given; nor for pages made from data, with no file.
 */
export function lastUpdated(inputPath: string, commits: CommitDates): Date | undefined {
  const file = path.resolve(inputPath);
  const committed = commits.dates.get(file);
  if (committed) return committed;
  if (commits.shallow) return undefined;
  return statSync(file, { throwIfNoEntry: false })?.mtime;
}
