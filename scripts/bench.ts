// npm run bench: builds generated sites of 4,000 and 10,000 pages with the full pipeline (checks, Eleventy,
// Pagefind) and with a bare Eleventy (markdown-it only) followed by the Pagefind CLI, times `npm start` on them
// (the first page served, a saved edit served), `npm run check` of the real site and a clean `.ci/run`, and prints
// the figures.
// A benchmark, not a test: it reports, it does not assert. BENCH_SIZES=1000,5000 picks other sizes; BENCH_RUNS=5
// times each build five times instead of three (alternately, full then bare, reporting the median: this shared
// machine slows down under sustained load, which would otherwise favour whichever build runs first). BENCH_TESTS=0
// leaves out the clean `.ci/run`, the longest of them.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { generatorRoot, tsxLoader } from "../src/options.ts";
import { startSearchIndex } from "../src/search/pagefind.ts";
import { chromiumArgs, findChromium } from "../test/browser/chromium.ts";
import { serveSite } from "../test/browser/server.ts";
import { generateInventories, generateSite } from "./bench/generate.ts";
import { timeCheck, timeCleanTests, timePreview } from "./bench/loops.ts";
import { describePeaks, mergePeaks, watchPeakMemory, type PeaksByProgram } from "./bench/memory.ts";

interface Run {
  seconds: number;
  /** The largest single process's peak: GNU time's figure or the highest sampled from /proc. */
  peakMb: number;
  peaks: PeaksByProgram;
  /** What the command printed on stderr. */
  stderr: string;
}

/** Runs a command under GNU time: wall seconds, and the peak memory of the largest single process it started. */
function timed(command: string, args: string[], cwd = generatorRoot): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile("/usr/bin/time", ["-f", "%e %M", command, ...args], { cwd, maxBuffer: 256 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const peaks = stopWatching();
      if (error) return reject(new Error(`${command} ${args.join(" ")} failed:\n${stderr.slice(-3000)}`));
      const [seconds, kb] = stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
      resolve({ seconds: seconds!, peakMb: Math.max(kb! / 1024, ...peaks.values()), peaks, stderr });
    });
    const stopWatching = watchPeakMemory(child.pid!);
  });
}

const folderBytes = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(path.join(e.parentPath, e.name)).size, 0);

/** Pagefind's files by kind: the fixed cost of any search, then what this query fetched. */
const downloadKinds: [string, RegExp][] = [
  ["script and worker", /\.js$/],
  ["WebAssembly", /\.pagefind$/],
  ["page list (metadata)", /\.pf_meta$|entry\.json|parts\.json$/],
  ["filters", /\.pf_filter$/],
  ["index chunks", /\.pf_index$/],
  ["result fragments", /\.pf_fragment$/],
];

/** What every search downloads, whatever its words: the rest depends on the query. */
const fixedSearchKinds = ["script and worker", "WebAssembly", "page list (metadata)"];

/** The bytes a browser transfers from /pagefind/ for one search in Chromium, counted by the server, by kind of file. */
async function searchDownload(siteDir: string, query: string): Promise<Map<string, number>> {
  const site = await serveSite(siteDir);
  const browser = await chromium.launch({ executablePath: await findChromium(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}search/?q=${encodeURIComponent(query)}`);
    await page.locator("#search-results li").first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    const byKind = new Map<string, number>();
    for (const [pathname, bytes] of site.bytesSent) {
      if (!pathname.includes("/pagefind/")) continue;
      const kind = downloadKinds.find(([, pattern]) => pattern.test(pathname))?.[0] ?? pathname;
      byKind.set(kind, (byKind.get(kind) ?? 0) + bytes);
    }
    return byKind;
  } finally {
    await browser.close();
    await site.close();
  }
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

const eleventyCli = path.join(generatorRoot, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const pagefindCli = path.join(generatorRoot, "node_modules", "pagefind", "lib", "runner", "bin.cjs");
const sizes = (process.env.BENCH_SIZES ?? "4000,10000").split(",").map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 3);

const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The median time and the highest peak memory of several runs. */
function summary(measured: Run[]): Omit<Run, "stderr"> {
  return { seconds: median(measured.map((run) => run.seconds)), peakMb: Math.max(...measured.map((run) => run.peakMb)), peaks: mergePeaks(measured.map((run) => run.peaks)) };
}

/** The full pipeline's steps (`--timings`), each the median of the runs. */
function steps(measured: Run[]): string {
  const byStep = new Map<string, number[]>();
  for (const run of measured) {
    const line = run.stderr.split("\n").find((l) => l.startsWith("timings: "))?.slice("timings: ".length) ?? "";
    for (const [, step, seconds] of line.matchAll(/([^;]+?) ([\d.]+) s(?:; |$)/g)) byStep.set(step!, [...(byStep.get(step!) ?? []), Number(seconds)]);
  }
  return [...byStep].map(([step, seconds]) => `${step} ${median(seconds).toFixed(1)} s`).join(", ");
}
/**
 * The first search of a site indexed in parts, as it would transfer from a single index of the same pages: the
 * site's index is set aside, the pages indexed whole, searched, and the index in parts put back.
 */
async function searchDownloadOfSingleIndex(siteDir: string): Promise<Map<string, number>> {
  const bundle = path.join(siteDir, "pagefind");
  const aside = `${bundle}-in-parts`;
  renameSync(bundle, aside);
  try {
    const indexed = await startSearchIndex(siteDir, Number.POSITIVE_INFINITY).finished;
    if (indexed.errors.length) throw new Error(`the single index failed: ${indexed.errors.join("; ")}`);
    return await searchDownload(siteDir, searchQuery);
  } finally {
    rmSync(bundle, { recursive: true, force: true });
    renameSync(aside, bundle);
  }
}

const total = (byKind: Map<string, number>) => [...byKind.values()].reduce((a, b) => a + b, 0);
const searchQuery = "coordinator inventory";
const rows: string[] = [];
const downloads: string[] = [];
const breakdowns: string[] = [];
const memory: string[] = [];
const previews: string[] = [];

// Each size's folder, half a gigabyte at 10,000 pages, goes when the size is done, or when the run stops on a fault:
// a benchmark run often would otherwise fill the disk.
const workFolders = new Set<string>();
process.on("exit", () => workFolders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

for (const count of sizes) {
  const work = mkdtempSync(path.join(os.tmpdir(), `bench-${count}-`));
  workFolders.add(work);
  const content = path.join(work, "content");
  generateSite(content, count, path.join(generatorRoot, "content"));
  console.error(`${count} pages generated in ${content}`);

  mkdirSync(path.join(work, "bare-includes"));
  writeFileSync(path.join(work, "bare-includes", "bare.njk"), '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main>{{ content | safe }}</main></body></html>');
  const bareOutput = path.join(work, "bare");
  const fullRuns: Run[] = [];
  const bareRuns: Run[] = [];
  const bareSteps = { eleventy: [] as number[], pagefind: [] as number[] };
  for (let run = 0; run < runs; run++) {
    // Both builds start from an empty output folder, as in a fresh clone. The full build's output is a link to
    // its staging folder: left behind, that folder would be removed by the next build, inside its time.
    if (existsSync(path.join(work, "full"))) rmSync(realpathSync(path.join(work, "full")), { recursive: true, force: true });
    rmSync(path.join(work, "full"), { recursive: true, force: true });
    fullRuns.push(await timed(process.execPath, ["--import", tsxLoader, path.join(generatorRoot, "scripts", "build.ts"), "--content", content, "--output", path.join(work, "full"), "--timings"]));
    rmSync(bareOutput, { recursive: true, force: true });
    const eleventy = await timed(process.execPath, [eleventyCli, "--quiet", `--config=${path.join(generatorRoot, "scripts", "bench", "bare.eleventy.mjs")}`, `--input=${content}`, `--output=${bareOutput}`], work);
    const pagefind = await timed(process.execPath, [pagefindCli, "--site", bareOutput], work);
    bareSteps.eleventy.push(eleventy.seconds);
    bareSteps.pagefind.push(pagefind.seconds);
    bareRuns.push({ seconds: eleventy.seconds + pagefind.seconds, peakMb: Math.max(eleventy.peakMb, pagefind.peakMb), peaks: mergePeaks([eleventy.peaks, pagefind.peaks]), stderr: "" });
    console.error(`run ${run + 1}: full pipeline ${fullRuns.at(-1)!.seconds.toFixed(1)} s, bare Eleventy + Pagefind CLI ${bareRuns.at(-1)!.seconds.toFixed(1)} s`);
  }
  const full = summary(fullRuns);
  // The bare pages are a third the size of the site's, laid out with its header, menus and footer: Pagefind's own
  // command on the full pipeline's pages (from <main>, as the pipeline indexes) shows what indexing them costs.
  const pagefindOnFull = await timed(process.execPath, [pagefindCli, "--site", path.join(work, "full"), "--root-selector", "main", "--output-path", path.join(work, "pagefind-cli")], work);
  breakdowns.push(
    `${count.toLocaleString("en")} pages: ${steps(fullRuns)}; bare: Eleventy ${median(bareSteps.eleventy).toFixed(1)} s, Pagefind's command ${median(bareSteps.pagefind).toFixed(1)} s, and ${pagefindOnFull.seconds.toFixed(1)} s on the full pipeline's pages`,
  );
  const bare = summary(bareRuns);
  memory.push(`${count.toLocaleString("en")} pages: full pipeline ${describePeaks(full.peaks)}; bare ${describePeaks(bare.peaks)}`);

  const preview = await timePreview(content, { file: "guides/page-0.md", url: "/guides/page-0/" }, 8090);
  previews.push(`| ${count.toLocaleString("en")} | ${preview.firstPage.toFixed(1)} s | ${preview.savedEdit.toFixed(1)} s |`);

  const fullSite = path.join(work, "full");
  const index = folderBytes(path.join(fullSite, "pagefind"));
  const byKind = await searchDownload(fullSite, searchQuery);
  const download = total(byKind);
  const fixed = fixedSearchKinds.reduce((sum, kind) => sum + (byKind.get(kind) ?? 0), 0);
  const parts = (JSON.parse(readFileSync(path.join(fullSite, "pagefind", "parts.json"), "utf8")) as string[]).length + 1;
  const single = parts > 1 ? ` (a single index of the same pages: ${await searchDownloadOfSingleIndex(fullSite).then((byKind) => kilobytes(total(byKind)), (error: Error) => `not measured, ${error.message}`)})` : "";
  downloads.push(`${count.toLocaleString("en")} pages, an index in ${parts} part${parts > 1 ? "s" : ""}: ${kilobytes(download)}${single}: ${[...byKind].map(([kind, bytes]) => `${kind} ${kilobytes(bytes)}`).join(", ")}; any search's fixed part (${fixedSearchKinds.join(", ")}) ${kilobytes(fixed)}`);
  rows.push(
    `| ${count.toLocaleString("en")} | ${full.seconds.toFixed(1)} s | ${Math.round(count / full.seconds)} | ${full.peakMb.toFixed(0)} MB | ${bare.seconds.toFixed(1)} s | ${Math.round(count / bare.seconds)} | ${bare.peakMb.toFixed(0)} MB | ${(full.seconds / bare.seconds).toFixed(2)} | ${(index / 1024 / 1024).toFixed(1)} MB | ${kilobytes(download)} |`,
  );
  rmSync(work, { recursive: true, force: true });
}

// The open source catalog: 200 agencies' inventories of 100 releases each, a page per release.
if (!process.env.BENCH_SIZES || process.env.BENCH_CATALOG) {
  const work = mkdtempSync(path.join(os.tmpdir(), "bench-catalog-"));
  workFolders.add(work);
  const content = path.join(work, "content");
  generateSite(content, 100, path.join(generatorRoot, "content"));
  generateInventories(content, 200, 100);
  const catalog = await timed(process.execPath, ["--import", tsxLoader, path.join(generatorRoot, "scripts", "build.ts"), "--content", content, "--output", path.join(work, "site")]);
  rows.push(`| 100 + catalog of 200 agencies, 20,000 releases | ${catalog.seconds.toFixed(1)} s | ${Math.round(20_100 / catalog.seconds)} | ${catalog.peakMb.toFixed(0)} MB | | | | | ${(folderBytes(path.join(work, "site", "pagefind")) / 1024 / 1024).toFixed(1)} MB | |`);
  rmSync(work, { recursive: true, force: true });
}

const checks: number[] = [];
for (let run = 0; run < 5; run++) checks.push(await timeCheck());
// Last, alone on the machine: the tests' own builds and browser share its two cores with nothing else.
const tests = process.env.BENCH_TESTS === "0" ? undefined : await timeCleanTests();

console.log(`Benchmark on ${os.cpus().length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}; the median of ${runs} runs of each build\n`);
console.log("| pages | full pipeline | pages/s | peak memory | bare Eleventy + Pagefind | pages/s | peak memory | full / bare | search index | first search downloads |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) console.log(row);
console.log(`\nnpm run check of the project's own site: ${median(checks).toFixed(2)} s (the median of ${checks.length} runs, npm included)`);
if (tests !== undefined) console.log(`A clean .ci/run (npm ci, then npm test) on a fresh clone of the commit checked out: ${tests.toFixed(0)} s`);
console.log("\nnpm start: seconds until the home page is served, and until a saved edit to a page is served (the median of 3 saves)\n");
console.log("| pages | first page served | saved edit served |");
console.log("| ---: | ---: | ---: |");
for (const row of previews) console.log(row);
console.log("\nThe programs that used the most memory (each one's peak, over all runs):");
for (const line of memory) console.log(`- ${line}`);
console.log("\nWhere each build's time goes, step by step (the rest of the full pipeline's is starting Node and loading the generator):");
for (const line of breakdowns) console.log(`- ${line}`);
console.log("\nWhat the first search transfers (gzipped where the host compresses; Pagefind's index files come compressed):");
for (const line of downloads) console.log(`- ${line}`);
