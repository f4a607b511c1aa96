import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { dataBlocks } from "./markdown/blocks.ts";
import { checkExternalLinks } from "./checks/external.ts";
import { checkContent, type CheckOptions } from "./checks/index.ts";
import { catalogFor, catalogUrls } from "./catalog/catalog.ts";
import { metrics } from "./catalog/metrics.ts";
import { loadSiteData } from "./model/data.ts";
import { isShallowClone } from "./model/git.ts";
import { md } from "./markdown/markdown.ts";
import { collectGarbage } from "./memory.ts";
import { generatorRoot, normalizePrefix, optionsToEnvironment, type SiteOptions } from "./options.ts";
import { siteMapUrls } from "./model/page-lists.ts";
import { parsePages, readPages, type ReadPage } from "./model/pages.ts";
import { ContentError, displayPath, hasErrors, problem, type Problem } from "./problems/problems.ts";
import { today } from "./model/review.ts";
import type { SiteData } from "./schema/data.ts";
import { startSearchIndex } from "./search/pagefind.ts";

export interface PipelineOptions extends SiteOptions {
  /** Where the finished site goes. It is replaced only when everything passed. */
  outputDir: string;
  /** false: check only (`npm run check`), writing nothing that stays. */
  write: boolean;
  /** Also request every external link once (`npm run check -- --external`); needs the network. */
  external?: boolean;
  /** Overdue reviews fail the check (`--strict`). */
  strict?: boolean;
  /** A previous build's sitemap.xml or address list, a file or a web address (`--since`). */
  since?: string;
  /** How much HTML one Pagefind process indexes before the index is built in parts (tests make it small). */
  searchPartBytes?: number;
}

export interface PipelineResult {
  problems: Problem[];
  /** How many files Eleventy wrote (pages and generated files), for the closing line. */
  fileCount: number;
  /** Seconds spent in each step, in order (`npm run build -- --timings`, and the benchmark). */
  timings: [step: string, seconds: number][];
}

/** Times the pipeline's steps one after another: each lap is the time since the last. */
function stopwatch() {
  const timings: [string, number][] = [];
  let last = performance.now();
  return {
    timings,
    lap(step: string) {
      const now = performance.now();
      timings.push([step, (now - last) / 1000]);
      last = now;
    },
  };
}

/**
 * Content → front matter schema → Eleventy into a temporary folder → Pagefind indexes the folder in its own
 * processes, and the checks on every page's Markdown run as it builds the index → (write only) an atomic swap
 * into place when nothing failed.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { timings, lap } = stopwatch();
  const contentDir = path.resolve(options.contentDir);
  const { data, problems } = loadSiteData(contentDir);
  const since = options.since ? await readSince(options.since, data?.settings.path_prefix ?? "/", options.pathPrefix) : undefined;
  const read = readPages(contentDir);
  problems.push(...read.problems);
  lap("front matter");
  if (isShallowClone(contentDir)) {
    problems.push(
      problem(contentDir, 1, "this is a shallow git clone, where every page would seem last updated on the same day, so pages show no last-updated date", "clone the full history (git fetch --unshallow; fetch-depth: 0 in GitHub Actions)", "warning"),
    );
  }
  const checkMarkdown = async () => {
    const checked = checkPages(contentDir, read.pages, data, { today: today(), strict: options.strict ?? false, since });
    problems.push(...checked.problems);
    if (options.external) problems.push(...(await checkExternalLinks(checked.externalLinks)));
  };
  // With broken front matter or data, Eleventy is not worth running: report every mistake at once instead.
  if (!data || hasErrors(problems)) {
    await checkMarkdown();
    lap("checks");
    return { problems, fileCount: 0, timings };
  }

  const outputDir = path.resolve(options.outputDir);
  const staging = mkdtempSync(path.join(path.dirname(outputDir), `.site-${path.basename(outputDir)}-`));
  try {
    optionsToEnvironment({ ...options, contentDir });
    // Only the count is kept: the rendered pages Eleventy returns are let go before the checks and Pagefind.
    let fileCount = 0;
    let buildError: unknown;
    try {
      const eleventy = new Eleventy(contentDir, staging, { configPath: path.join(generatorRoot, ".eleventy.ts"), quietMode: true });
      // Its closing "Wrote 138 files" is about the staging folder, even for a check; the commands say what they did.
      eleventy.logger.overrideLogger({ log: () => {}, warn: console.warn, error: console.error });
      const [, templates] = await eleventy.write();
      fileCount = templates.filter((t) => t.url).length;
    } catch (error) {
      buildError = error;
    }
    collectGarbage();
    lap("Eleventy");
    const indexing = options.write && !buildError ? startSearchIndex(staging, data.settings.language, options.searchPartBytes) : undefined;
    try {
      // Pagefind reads the pages on every core, then builds the index on fewer: the checks wait for that.
      await indexing?.pagesRead;
      if (indexing) lap("Pagefind reading the pages");
      await checkMarkdown();
      // The checks' tokens are garbage now; collected while Pagefind works, they are not still held when its
      // index arrives (about 70 MB for its first part at 10,000 pages), which would take this process past 1 GB.
      if (indexing) collectGarbage();
      lap(indexing ? "checks, while Pagefind builds the index" : "checks");
    } finally {
      const search = await indexing?.finished;
      if (indexing) lap("Pagefind finishing the index");
      for (const error of search?.errors ?? []) problems.push(problem(outputDir, 1, `the search index could not be built: ${error}`, "fix the page it names, or report this to the site's maintainers"));
      if (search?.pageCount === 0) problems.push(problem(outputDir, 1, "the search index is empty: no page has searchable content", "check that the layouts mark the main content with data-pagefind-body"));
    }
    // The checks name a page's mistake better than the error it made Eleventy throw; that error is for the rest.
    if (buildError && !hasErrors(problems)) {
      if (buildError instanceof ContentError) problems.push(...buildError.problems);
      else problems.push(problem(contentDir, 1, `the site could not be built: ${describe(buildError)}`, "fix the page named above and build again"));
    }
    if (options.write && !hasErrors(problems)) swapInto(staging, outputDir);
    lap("swap");
    return { problems, fileCount: hasErrors(problems) ? 0 : fileCount, timings };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * While serving: reads the data files and every page again before a rebuild (the front matter and site map
 * Eleventy and the layouts use) and checks them as `npm run check` does, without stopping the rebuild.
 */
export function checkBeforeRebuild(contentDir: string): Problem[] {
  const { data, problems } = loadSiteData(contentDir);
  const read = readPages(contentDir);
  return [...problems, ...read.problems, ...checkPages(contentDir, read.pages, data, { today: today(), strict: false }).problems];
}

/** Checks every page's Markdown, and the site as a whole; the tokens are dropped on return. */
function checkPages(contentDir: string, pages: readonly ReadPage[], data: SiteData | undefined, options: Omit<CheckOptions, "blockNames" | "generatedPages">) {
  const blocks = data ? dataBlocks(data) : {};
  const catalog = data?.inventories ? catalogFor(contentDir, data.inventories, options.today) : undefined;
  const siteMap = siteMapUrls(pages.map(({ file, url, page }) => ({ url, inputPath: file, data: page?.data ?? {} })));
  const generatedPages = [...siteMap, ...(catalog ? catalogUrls(catalog, metrics(catalog).map((chart) => chart.id)) : [])];
  const parsed = parsePages(pages, md({ blocks }));
  const checked = checkContent(contentDir, parsed, data, { ...options, blockNames: Object.keys(blocks), generatedPages });
  return { problems: [...checked.problems, ...(catalog?.problems ?? [])], externalLinks: checked.externalLinks };
}

async function readSince(source: string, settingsPrefix: string, prefixOverride: string | undefined): Promise<CheckOptions["since"]> {
  const text = /^https?:\/\//.test(source) ? await (await fetch(source, { signal: AbortSignal.timeout(30_000) })).text() : readFileSync(source, "utf8");
  return { file: displayPath(source), text, pathPrefix: normalizePrefix(prefixOverride ?? settingsPrefix) };
}

function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(": ");
}

/** Replaces the published folder in two renames, so a reader or server never sees a half-written site. */
function swapInto(staging: string, outputDir: string): void {
  const previous = `${staging}-previous`;
  if (existsSync(outputDir)) renameSync(outputDir, previous);
  renameSync(staging, outputDir);
  rmSync(previous, { recursive: true, force: true });
}
