// npm start: previews the site, rebuilding it and reloading the browser on every change saved. Each rebuild reads
// the content into the site model and checks it as `npm run build` does; a page with errors shows them instead
// of its content, and every page lists the site's errors at its top until they are fixed.
import { mkdirSync } from "node:fs";
import { siteEleventy } from "../src/pipeline.ts";
import { CheckMemory } from "../src/checks/index.ts";
import { ReadMemory } from "../src/model/pages.ts";
import { prepareSite, type PreparedSite } from "../src/prepare.ts";
import { pagesToRenderAhead } from "../src/preview/ahead.ts";
import { SearchCatchUp } from "../src/search/catch-up.ts";
import { startPreviewServer } from "../src/preview/server.ts";
import { previewFolder } from "../src/publish/output.ts";
import type { Problem } from "../src/problems/problems.ts";
import { report } from "../src/problems/report.ts";
import { commonArgs } from "./args.ts";
import { exitWhenWritten } from "./exit.ts";

// The preview has a folder of its own: a page shown with its problems never lands in the published _site.
const options = commonArgs(process.argv.slice(2), previewFolder);
// Each save reads and checks again only the pages whose text changed, against the whole site's addresses as they are now.
const siteOptions = { contentDir: options.contentDir, pathPrefix: options.pathPrefix, memory: new ReadMemory() };
const checkOptions = { strict: false, memory: new CheckMemory() };
const port = Number(process.env.PORT ?? 8080);
let site = prepareSite(siteOptions, checkOptions);
if (!site.model.data) {
  report(site.problems);
  console.error("Fix the data files named above, then run npm start again.");
  await exitWhenWritten(1);
}
mkdirSync(options.outputDir, { recursive: true });
const server = await startPreviewServer(options.outputDir, { host: options.host, port, pathPrefix: site.model.pathPrefix }).catch((error: NodeJS.ErrnoException) => {
  console.error(`error: the preview cannot listen on ${options.host}:${port} (${error.code ?? error.message}) — stop the program using it, or choose another port: PORT=8081 npm start`);
  return exitWhenWritten(1);
});

let problems: Problem[] = site.problems;
const searchBehind = new SearchCatchUp((errors) => errors.forEach((error) => console.error(`search index: ${error}`)));

/** The pages a save changed, rendered and shown at once; the whole site is built again behind them. */
async function renderAhead(before: PreparedSite, after: PreparedSite): Promise<void> {
  const changed = pagesToRenderAhead(before.model, after.model);
  if (!changed.size || !after.model.data) return;
  const ahead = siteEleventy(() => after, options.outputDir, {
    indexSearch: false,
    preview: true,
    only: changed,
    pathPrefix: after.model.pathPrefix,
    afterBuild: (written) => written?.size && server.renderedAhead(after.problems, written),
  });
  ahead.logger.overrideLogger({ log: () => {}, warn: () => {}, error: () => {} });
  // A page that cannot be rendered alone is left to the whole build, which names what is wrong with it.
  const [, templates] = await ahead.write().catch(() => [, []] as const);
  const shown = templates.filter((template) => template.url).length;
  if (shown) console.log(`Showing the ${shown === 1 ? "page" : `${shown} pages`} you changed; building the rest of the site…`);
}

let first = true;
const eleventy = siteEleventy(
  async () => {
    // Every change resets Eleventy's configuration, which reads and checks the content folder again.
    if (!first) {
      const before = site;
      site = prepareSite(siteOptions, checkOptions);
      await renderAhead(before, site);
    }
    first = false;
    problems = site.problems;
    // The problems of the files the change touches in full; the inventories' hundreds of warnings, a line a file.
    report(problems, console.error, process.env, options.focus());
    return site;
  },
  options.outputDir,
  { indexSearch: false, searchBehind, preview: true, watch: true, pathPrefix: site.model.pathPrefix, afterBuild: (written) => server.rebuilt(problems, written) },
);
// Eleventy's own lines without its name and version: "File changed: content/about.md", "Wrote 138 files in 2.05 seconds".
const plain = (line: string) => line.replace(/^(\x1b\[\d+m)?\[11ty\](\x1b\[\d+m)? /gm, "").replace(/ \(v[\d.]+\)$/gm, "").replace(/, v[\d.]+\)$/gm, ")");
eleventy.logger.overrideLogger({ log: (line: string) => console.log(plain(line)), warn: (line: string) => console.warn(plain(line)), error: (line: string) => console.error(plain(line)) });
await eleventy.init();
await eleventy.watch();
// Eleventy 3 logs a deleted file but rebuilds nothing: the page stayed served and the links to it unchecked.
eleventy.watcher?.on("unlink", (file: string) => eleventy.watcher?.emit("change", file));
console.log(`Server at ${server.url}`);

async function stop(): Promise<never> {
  await Promise.all([eleventy.stopWatch(), server.close()]);
  return process.exit(0);
}
// Ctrl-C stops every process of the command in the terminal. npm, told to stop, signals only the shell it started
// the preview in, which ends without passing the signal on: so the preview also stops once its parent is gone.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void stop(), 500).unref();
