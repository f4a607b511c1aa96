import { rmSync } from "node:fs";
import path from "node:path";
import { collectGarbage } from "./memory.ts";
import { checkContent, type CheckContentOptions } from "./prepare.ts";
import { hasErrors, problem, type Problem } from "./problems/problems.ts";
import { makeStaging, swapInto } from "./publish/swap.ts";
import { layoutsAtFault } from "./render/render-failure.ts";
import { RenderProcess } from "./render/render-process.ts";
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

/**
 * Content → site model → checks (each page rendered once, its HTML read as a browser reads it) → Eleventy, given
 * the model and the checked HTML, into a staging folder → Pagefind → an atomic swap into place.
 * Eleventy works in a process of its own, on the other core, from the moment the site is read: it lays out the
 * pages while they are checked, and writes each page once its own checks pass: a page with errors of its own is
 * never written. With an error anywhere, nothing is published: the staging folder, where pages with errors across
 * pages (a broken link) and the generator's own pages may have been written meanwhile, is removed.
 */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { timings, lap } = stopwatch();
  const outputDir = path.resolve(options.outputDir);
  const staging = makeStaging(outputDir);
  let render: RenderProcess | undefined;
  let published = false;
  try {
    // Started first, to load Eleventy while the site is read.
    render = new RenderProcess();
    const { problems } = await checkContent(options, {
      read(model) {
        // Nothing can be rendered without valid data files, and a site whose reading found errors will not be published.
        if (model.data && !hasErrors(model.problems)) return render!.render(model, staging);
        const stopped = render!.stop();
        render = undefined;
        return stopped;
      },
      checked: (pages) => render?.add(pages.filter((page) => !hasErrors(page.problems)).map((page) => [page.source.file, page.source.rendered.html])),
    });
    lap("reading and checks");
    if (!render || hasErrors(problems)) return { problems, fileCount: 0, timings };
    const rendered = await render.finish();
    render = undefined;
    collectGarbage();
    lap("Eleventy");
    if (rendered.failure) {
      const message = rendered.failedPage ? rendered.failure : `the site could not be built: ${rendered.failure}`;
      problems.push(problem(rendered.failedPage ?? path.resolve(options.contentDir), 1, message, rendered.fix ?? layoutsAtFault));
    }
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
    return { problems, fileCount: rendered.fileCount, timings };
  } finally {
    await render?.stop();
    if (!published) rmSync(staging, { recursive: true, force: true });
  }
}
