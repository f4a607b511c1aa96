// The loops people wait on: `npm run check` of the real site, `npm start` on a large site (the first page
// served, then a saved edit served), and the tests as CI runs them, timed from outside, as a person would see them.
import { execFile, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generatorRoot } from "../../src/options.ts";

const now = () => performance.now() / 1000;

/** Seconds `npm run check` takes on the project's own content, as typed (npm and all). */
export function timeCheck(): Promise<number> {
  const start = now();
  return new Promise((resolve, reject) =>
    execFile("npm", ["run", "--silent", "check"], { cwd: generatorRoot, maxBuffer: 64 * 1024 * 1024 }, (error) => (error && error.code !== 1 ? reject(error) : resolve(now() - start))),
  );
}

/**
 * Seconds a clean `.ci/run` takes (a clean install, then `npm test`), as CI runs it: on a fresh clone of the
 * commit checked out, with CI=true. Work not yet committed is not in it.
 */
export function timeCleanTests(): Promise<number> {
  const clone = path.join(mkdtempSync(path.join(os.tmpdir(), "bench-tests-")), "clone");
  execFileSync("git", ["clone", "--quiet", generatorRoot, clone]);
  const start = now();
  return new Promise((resolve, reject) =>
    execFile("bash", [".ci/run"], { cwd: clone, env: { ...process.env, CI: "true" }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      rmSync(path.dirname(clone), { recursive: true, force: true });
      if (error) reject(new Error(`.ci/run failed on a clean clone:\n${(stdout + stderr).slice(-3000)}`));
      else resolve(now() - start);
    }),
  );
}

/** Asks for a page until it answers 200 with `expected` in it; the seconds since `start`. */
async function servedAt(url: string, expected: string, start: number, timeoutSeconds = 600): Promise<number> {
  while (now() - start < timeoutSeconds) {
    const body = await fetch(url).then((response) => (response.ok ? response.text() : ""), () => "");
    if (body.includes(expected)) return now() - start;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never showed "${expected}"`);
}

/**
 * Starts `npm start` on a content folder and measures the seconds until its home page is served, then until
 * an edit saved to one page (`page`, a file of the folder, published at `url`) is served, the median of `edits` saves.
 */
export async function timePreview(contentDir: string, page: { file: string; url: string }, port: number, edits = 3): Promise<{ firstPage: number; savedEdit: number }> {
  const start = now();
  // A folder of its own: the preview's usual one may hold an earlier run's pages, served at once.
  const output = path.join(path.dirname(contentDir), "preview");
  const server = spawn("npm", ["run", "--silent", "start", "--", "--content", contentDir, "--output", output], { cwd: generatorRoot, env: { ...process.env, PORT: String(port) }, stdio: ["ignore", "pipe", "ignore"], detached: true });
  // Saves count once the preview watches for them: it says so with its address.
  const watching = new Promise<void>((resolve) => server.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("Server at") && resolve()));
  try {
    const url = `http://127.0.0.1:${port}${page.url}`;
    const file = path.join(contentDir, page.file);
    const original = readFileSync(file, "utf8");
    // The page of this site, with its title: not a page the preview kept from an earlier run.
    const title = /^title: (.*)$/m.exec(original)![1]!;
    const firstPage = await servedAt(url, title, start);
    await watching;
    // A save within milliseconds of the watcher saying it is ready can go unseen on a large tree; no person is that quick.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const savedEdits: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const marker = `Edited for the benchmark, save ${edit}.`;
      const saved = now();
      writeFileSync(file, `${original}\n${marker}\n`);
      savedEdits.push(await servedAt(url, marker, saved));
    }
    writeFileSync(file, original);
    return { firstPage, savedEdit: savedEdits.sort((a, b) => a - b)[Math.floor(savedEdits.length / 2)]! };
  } finally {
    process.kill(-server.pid!, "SIGTERM");
  }
}
