// npm start: previews the site, and on every change saved shows it again and reloads the browser. Each save is read
// into the site model and checked as `npm run build` does; the pages it changed are rendered and shown at once, and
// the whole site is built again behind them, in a thread of its own. A page with errors shows them instead of its
// content, and every page lists the site's errors at its top until they are fixed.
import path from "node:path";
import { CheckMemory } from "../src/checks/index.ts";
import { ReadMemory } from "../src/model/pages.ts";
import { generatorRoot } from "../src/options.ts";
import { checkModel, checkModelInTurns, preparePageOnly, prepareSite, readSite, type PreparedSite } from "../src/prepare.ts";
import { SavedSite } from "../src/preview/ahead.ts";
import { saveFailure } from "../src/preview/save-failure.ts";
import { startPreviewServer } from "../src/preview/server.ts";
import { watchSources } from "../src/preview/watch-sources.ts";
import { WholeBuilds } from "../src/preview/whole-build.ts";
import { makeFolders, previewFolder } from "../src/publish/output.ts";
import { layoutsAtFault } from "../src/render/render-failure.ts";
import { fileErrorOf, whyNoFolder, wordsOf } from "../src/problems/file-error.ts";
import { printable } from "../src/problems/problems.ts";
import { report } from "../src/problems/report.ts";
import { SearchCatchUp } from "../src/search/catch-up.ts";
import { commonArgs } from "./args.ts";
import { consolePrinter, endOnFileError, exitWhenWritten } from "./exit.ts";

// The preview has a folder of its own: a page shown with its problems never lands in the published _site.
const options = commonArgs(process.argv.slice(2), { defaultOutput: previewFolder });
const port = Number(process.env.PORT || 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`error: PORT is "${printable(process.env.PORT!)}", which is not a port — give a whole number from 1 to 65535, such as PORT=8081 npm start`);
  await exitWhenWritten(2);
}
try {
  makeFolders(options.outputDir);
} catch (error) {
  console.error(`error: no folder can be made at ${printable(options.outputDir)} for the preview: ${whyNoFolder(fileErrorOf(error)?.code)} — give --output a new folder of its own, or leave it out`);
  await exitWhenWritten(2);
}
/** How long a browser told to reload takes to ask for the page again, near enough. */
const reloadGraceMs = 100;
const searchBehind = new SearchCatchUp((errors) => errors.forEach((error) => console.error(`search index: ${printable(error)}`)));

// The whole builds' thread starts now, and loads Eleventy while this one reads the content folder.
let firstBuilt: () => void;
const built = new Promise<void>((resolve) => (firstBuilt = resolve));
const builds = new WholeBuilds(options.outputDir, () => saved.latest(), (build, builtSite) => {
  if (build.failure) console.error(`error: the site could not be built: ${printable(build.failure)} — ${build.fix ?? layoutsAtFault}`);
  console.log(`Wrote ${build.written?.length ?? 0} files in ${build.seconds.toFixed(2)} seconds`);
  server.rebuilt(builtSite.problems, build.written && new Set(build.written), build.generation);
  if (build.written) searchBehind.request(options.outputDir);
  firstBuilt();
});

// Each save reads again only the files written to, and checks again only the pages whose text changed, against the whole site's addresses as they are now.
const siteOptions = { contentDir: options.contentDir, pathPrefix: options.pathPrefix, memory: new ReadMemory() };
const checkOptions = { strict: false, memory: new CheckMemory() };
const read = () => prepareSite(siteOptions, checkOptions);
// The problems of the files the change touches in full; the inventories' hundreds of warnings, a line a file. Written
// at once: a large site's report is thousands of lines.
const reportProblems = ({ problems }: PreparedSite) => {
  const lines: string[] = [];
  report(problems, (line) => lines.push(line), process.env, options.focus());
  if (lines.length) console.error(lines.join("\n"));
};
const model = await (async () => readSite(siteOptions))().catch((error: unknown) => exitWhenWritten(endOnFileError(consolePrinter)(error)));
if (!model.data) {
  reportProblems(checkModel(model, checkOptions));
  console.error("Fix the data files named above, then run npm start again.");
  await exitWhenWritten(1);
}
// Until the first whole build is written, a page asked for is rendered alone and served.
const server = await startPreviewServer(options.outputDir, { host: options.host, port, pathPrefix: model.pathPrefix, renderPage: (url) => saved.renderPage(url) }).catch((error: NodeJS.ErrnoException) => {
  const [why, fix] =
    error.code === "EADDRINUSE" ? ["another program is using this port", "stop that program, or choose another port: PORT=8081 npm start"]
    : error.code === "EACCES" ? ["this account may not use this port", "choose another port: PORT=8081 npm start"]
    : ["this computer has no such address", "give --host an address of this computer, or leave it out"];
  console.error(`error: the preview cannot listen on ${printable(options.host)}:${port}: ${why} — ${fix}`);
  return exitWhenWritten(1);
});

/** What was said of the last save that failed, since the last read: each of a folder's files removed fails alike. */
let failureSaid: string | undefined;
/** Says that a save could not be read or built, and what to do; true when a file was removed as it was read, to read again. */
const saveFailed = (what: "read" | "built") => (error: unknown) => {
  const said = saveFailure(error, what, options.contentDir);
  const line = said.error ?? said.note;
  if (line !== failureSaid) (said.error ? console.error : console.log)(line);
  failureSaid = line;
  return !said.error;
};

// Each save is read, checked and its pages shown at once; the whole site is built behind them, in a thread of its own.
let reportLater: NodeJS.Timeout | undefined;
const saved: SavedSite = new SavedSite(model, {
  read,
  checkPage: (model, page) => preparePageOnly(model, page, checkOptions.memory),
  outputDir: options.outputDir,
  show: (pages, problems, generation) => {
    server.renderedAhead(problems, pages, generation);
    console.log(`Showing the ${pages.size === 1 ? "page" : `${pages.size} pages`} you changed; building the rest of the site…`);
  },
  // A save's problems are printed, and its whole build handed the site, once its pages are shown and a browser
  // reloading them has had a moment to ask for them: on a large site each holds this thread for a few tenths of a second.
  wasRead: () => {
    failureSaid = undefined;
    const { generation } = saved.latest();
    reportLater = setTimeout(() => {
      // A save read meanwhile is said and built in its own turn.
      if (saved.latest().generation !== generation) return;
      try {
        reportProblems(saved.latest().site);
        builds.request();
      } catch (error) {
        if (saveFailed("built")(error)) saved.saved();
      }
    }, reloadGraceMs);
  },
  failed: saveFailed("read"),
});
// The content folder, and the layouts: a layout saved builds the whole site again.
// A file is read once it has stopped changing for a moment: an editor's save can be an emptied file, then its text.
const said = { add: "File changed", change: "File changed", unlink: "File deleted", addDir: "Folder added", unlinkDir: "Folder deleted", undecodable: "A file whose name is not UTF-8 was added, changed or removed" };
// Every change is read again: the layouts' words and the data blocks' templates are read with the content.
const watcher = watchSources([path.resolve(options.contentDir), path.join(generatorRoot, "_includes")], (event, file) => {
  console.log(`${said[event]}: ${printable(file)}`);
  saved.saved();
});
const watching = new Promise((resolve) => watcher.once("ready", resolve));
watcher.on("error", (error) => console.error(`error: changes can no longer be followed (${wordsOf(error, options.contentDir)}) — stop npm start and run it again`));
// The address is given as soon as a page can be asked for: one asked for while the site is checked is checked alone, and shown first.
console.log(`Checking and building the whole site; meanwhile each page you open at ${server.url} is shown as soon as it is rendered…`);
const checked = await saved.checkFirstReading((model, between) => checkModelInTurns(model, checkOptions, between)).catch((error: unknown) => {
  console.error(`error: the site could not be checked: ${wordsOf(error, options.contentDir)} — report this to the site's maintainers`);
  return exitWhenWritten(1);
});
reportProblems(checked);
builds.request();

await Promise.all([built, watching]);
console.log(`Server at ${server.url}`);

async function stop(): Promise<never> {
  clearTimeout(reportLater);
  await Promise.all([watcher.close(), builds.close(), server.close()]);
  return process.exit(0);
}
// Ctrl-C stops every process of the command in the terminal. npm, told to stop, signals only the shell it started
// the preview in, which ends without passing the signal on: so the preview also stops once its parent is gone.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void stop(), 500).unref();
