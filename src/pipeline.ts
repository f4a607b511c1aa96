import { rmSync } from "node:fs";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { collectGarbage } from "./memory.ts";
import { checkContent, type CheckContentOptions } from "./prepare.ts";
import { append, ContentError, hasErrors, problem, type Problem } from "./problems/problems.ts";
import { makeStaging, swapInto } from "./publish/swap.ts";
import { configureSite, renderInput, type RenderableSite, type RenderOptions } from "./render/eleventy.ts";
import { startSearchIndex } from "./search/pagefind.ts";

export interface PipelineOptions extends CheckContentOptions {
  /** Where the finished site goes. It is replaced only when everything passed. */
  outputDir: string;
  /** How much HTML one Pagefind process indexes before the index is built in parts (tests make it small). */
  searchPartBytes?: number;
}

export interface PipelineResult {
  problems: Problem[];
  /** How many files were written: pages and generated files. */
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

/** An Eleventy that renders exactly the prepared site, and nothing it finds on its own. */
export function siteEleventy(site: () => RenderableSite, outputDir: string, options: RenderOptions & { pathPrefix: string }) {
  return new Eleventy(renderInput, outputDir, {
    pathPrefix: options.pathPrefix,
    configPath: false,
    config: (eleventyConfig: Parameters<typeof configureSite>[0]) => configureSite(eleventyConfig, site(), options),
    quietMode: true,
  });
}

/**
 * Content → site model → checks (each page rendered once, its HTML read as a browser reads it) → Eleventy, given
 * the model and the checked HTML, into a staging folder → Pagefind → an atomic swap into place.
 * With an error anywhere nothing is rendered, and nothing is written.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { timings, lap } = stopwatch();
  const site = await checkContent(options);
  const { problems } = site;
  lap("reading and checks");
  if (!site.model.data || hasErrors(problems)) return { problems, fileCount: 0, timings };

  const outputDir = path.resolve(options.outputDir);
  const staging = makeStaging(outputDir);
  let published = false;
  try {
    let fileCount = 0;
    try {
      // Only the count is kept: the rendered pages Eleventy returns are let go before Pagefind.
      const eleventy = siteEleventy(() => site, staging, { indexSearch: false, pathPrefix: site.model.pathPrefix });
      // Its closing "Wrote 138 files" speaks of the staging folder; the commands say what they did.
      eleventy.logger.overrideLogger({ log: () => {}, warn: console.warn, error: console.error });
      const [, templates] = await eleventy.write();
      fileCount = templates.filter((t) => t.url).length;
    } catch (error) {
      append(problems, (error instanceof ContentError ? error.problems : [problem(site.model.contentDir, 1, `the site could not be built: ${describe(error)}`, "fix the page named above and build again")]));
    }
    collectGarbage();
    lap("Eleventy");
    if (hasErrors(problems)) return { problems, fileCount: 0, timings };
    const indexing = startSearchIndex(staging, options.searchPartBytes);
    const search = await indexing.finished;
    lap("Pagefind");
    for (const error of search.errors) problems.push(problem(outputDir, 1, `the search index could not be built: ${error}`, "fix the page it names, or report this to the site's maintainers"));
    if (search.pageCount === 0) problems.push(problem(outputDir, 1, "the search index is empty: no page has searchable content", "check that the layouts mark the main content with data-pagefind-body"));
    if (hasErrors(problems)) return { problems, fileCount: 0, timings };
    swapInto(staging, outputDir);
    published = true;
    lap("swap");
    return { problems, fileCount, timings };
  } finally {
    if (!published) rmSync(staging, { recursive: true, force: true });
  }
}

function describe(error: unknown): string {
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(": ");
}
