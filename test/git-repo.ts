import { execFileSync } from "node:child_process";
import { cpSync, writeFileSync } from "node:fs";
import path from "node:path";

const git = (cwd: string, args: string[], date?: string) =>
  execFileSync("git", args, {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_AUTHOR_NAME: "Editor", GIT_AUTHOR_EMAIL: "editor@example.org", GIT_COMMITTER_NAME: "Editor", GIT_COMMITTER_EMAIL: "editor@example.org" },
    stdio: ["ignore", "pipe", "pipe"],
  }).toString();

/** A throwaway git repository: commit files with fixed dates, as an editor's history would have them. */
export class ThrowawayRepo {
  constructor(readonly dir: string) {
    git(dir, ["init", "-q", "-b", "main"]);
  }

  static from(fixture: string, dir: string): ThrowawayRepo {
    cpSync(fixture, dir, { recursive: true });
    return new ThrowawayRepo(dir);
  }

  commit(date: string, files: Record<string, string> | "all" = "all"): void {
    if (files !== "all") for (const [name, content] of Object.entries(files)) writeFileSync(path.join(this.dir, name), content);
    git(this.dir, ["add", "-A"]);
    git(this.dir, ["commit", "-q", "--allow-empty", "-m", `edit at ${date}`], date);
  }

  git(args: string[]): string {
    return git(this.dir, args);
  }
}
