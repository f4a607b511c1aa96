import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { parse, type HTMLElement } from "node-html-parser";
import { inject } from "vitest";
import { tsxLoader } from "../src/options.ts";

export const root = path.resolve(import.meta.dirname, "..");
export const fixtures = path.join(root, "test", "fixtures");

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's commands (`scripts/<name>.ts`) exactly as npm would, in a child process. */
export function runScript(name: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, cwd = root): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", tsxLoader, path.join(root, "scripts", `${name}.ts`), ...args],
      { cwd, env: { ...process.env, GITHUB_ACTIONS: "", PATH_PREFIX: "", SITE_CONTENT: "", ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/**
 * Runs `npm run check` or `npm run build` with these arguments in this process, as the command would in its own:
 * the same arguments, environment and working folder, and what it prints. A build keeps nothing for the next:
 * Eleventy renders in a process of its own, one a build. A test that needs the command's process itself (its exit
 * on a mistyped option, output through a pipe, being killed) uses runScript.
 */
export function runInProcess(name: "check" | "build", args: string[] = [], env: NodeJS.ProcessEnv = {}, cwd = root): Promise<CommandResult> {
  const run = inProcessRuns.then(() => runNow(name, args, env, cwd));
  inProcessRuns = run.catch(() => {});
  return run;
}

/**
 * The last command run in this process: each waits for the one before. A command a timed-out test left running
 * would otherwise change the environment and folder under the next, and close the Pagefind service (one a
 * process) it was using.
 */
let inProcessRuns: Promise<unknown> = Promise.resolve();

async function runNow(name: "check" | "build", args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<CommandResult> {
  const command = name === "check" ? (await import("../scripts/check.ts")).check : (await import("../scripts/build.ts")).build;
  const [savedCwd, savedEnv] = [process.cwd(), { ...process.env }];
  Object.assign(process.env, { GITHUB_ACTIONS: "", PATH_PREFIX: "", SITE_CONTENT: "", ...env });
  process.chdir(cwd);
  const stdout: string[] = [];
  const stderr: string[] = [];
  try {
    const code = await command(args, { out: (line) => stdout.push(line), err: (line) => stderr.push(line) });
    return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
  } finally {
    process.chdir(savedCwd);
    for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
    Object.assign(process.env, savedEnv);
  }
}

export const checkInProcess = (args?: string[], env?: NodeJS.ProcessEnv, cwd?: string) => runInProcess("check", args, env, cwd);

/**
 * A new folder inside the run's own (see global-setup.ts), which goes when the run ends, or for a run stopped
 * before its end, when the next starts: runs leave nothing behind.
 */
export const tempDir = () => mkdtempSync(path.join(inject("testRun"), "temp-"));

/** Builds a content folder into a fresh temporary folder, as `npm run build` does (in this process: see runInProcess). */
export async function buildInto(contentDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const output = path.join(tempDir(), "site");
  const result = await runInProcess("build", ["--content", contentDir, "--output", output, ...extraArgs], env);
  return { ...result, output };
}

/** A built page, parsed: tests look at elements, never at raw text. */
export function readPage(siteDir: string, url: string): HTMLElement {
  const file = url.endsWith("/") ? path.join(siteDir, url, "index.html") : path.join(siteDir, url);
  return parse(readFileSync(file, "utf8"));
}

export const text = (element: HTMLElement | null | undefined) => (element?.textContent ?? "").replace(/\s+/g, " ").trim();

/** What an editor must never read: a stack trace, or the name of a program's insides. */
export const internals = [
  /\bat \S+:\d+:\d+\)?$|\n\s+at /m,
  /regex|regular expression|\bzod\b|\bajv\b|eleventy|gray-?matter|js-?yaml|markdown-it|parse5|undefined|\[object |maximum call stack|map keys|nested mappings|positional argument/i,
  /TypeError|RangeError|ReferenceError|SyntaxError|\bE[A-Z]{3,}\b|\bNaN\b/,
];

/** The problem lines a command printed: `file:line[:col] severity: message — fix`. */
export const problemLines = (output: string) => output.split("\n").filter((line) => /^\S.*?:\d+(:\d+)? (error|warning|note): /.test(line));

export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  anchors: { id: string; text: string }[];
}

/** The pages Pagefind indexed in one bundle ("" for the first part, "part-2/"...), read back from its fragments (gzipped JSON behind a signature). */
export function indexedPages(site: string, bundle = ""): Fragment[] {
  const dir = path.join(site, "pagefind", bundle, "fragment");
  return readdirSync(dir).map((file) => JSON.parse(gunzipSync(readFileSync(path.join(dir, file))).toString("utf8").replace(/^pagefind_dcd/, "")) as Fragment);
}

/**
 * The checks' base site with the given files written on top (path → text), read and checked in this process, as
 * `npm run check` would print its problems (paths relative to the content folder).
 */
export async function checkedProblems(files: Record<string, string | Buffer>, base = path.join(fixtures, "checks", "base")): Promise<string[]> {
  const { prepareSite } = await import("../src/prepare.ts");
  const { formatProblem } = await import("../src/problems/problems.ts");
  const content = path.join(tempDir(), "content");
  cpSync(base, content, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(content, file)), { recursive: true });
    writeFileSync(path.join(content, file), text);
  }
  process.chdir(content);
  return prepareSite({ contentDir: content, today: "2026-11-23" }, { strict: false }).problems.filter((p) => p.severity !== "note").map(formatProblem);
}
