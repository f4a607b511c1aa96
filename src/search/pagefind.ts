import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { link, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as pagefind from "pagefind";
import { generatorRoot, tsxLoader } from "../options.ts";

export interface SearchIndexResult {
  errors: string[];
  pageCount: number;
}

export interface SearchIndexing {
  /** Pagefind has read every page (on all cores) and is building the index. */
  pagesRead: Promise<void>;
  /** The index is in the site's `pagefind/` folder. */
  finished: Promise<SearchIndexResult>;
}

/**
 * How much HTML one Pagefind process indexes. Pagefind's service holds a whole index in memory while building
 * it, about 19 MB for each MB of HTML: 1.5 GB for 10,000 pages (77 MB). A site with more HTML is indexed in
 * parts, each by its own service, side by side, and the search page merges them (Pagefind's `mergeIndex`):
 * each process stays under 1 GB, and on two cores two halves take 7.8 s where the whole took 11.7 s.
 */
const defaultPartBytes = 40 * 1024 * 1024;

/** The bundle of part n, inside the first part's (which alone carries Pagefind's script and WebAssembly). */
const partFolder = (n: number) => (n === 1 ? "" : `part-${n}/`);

/** The list of the further parts, beside Pagefind's own files, for the search page (`search.js`) to merge. */
const partsManifest = "parts.json";

interface HtmlFile {
  /** Relative to the site's folder, with forward slashes. */
  path: string;
  bytes: number;
}

/** The site's HTML files, in path order, split into as few parts of at most `partBytes` as fit, dealt in turn. */
export function planParts(files: readonly HtmlFile[], partBytes: number): string[][] {
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const parts: string[][] = Array.from({ length: Math.max(1, Math.min(files.length, Math.ceil(total / partBytes))) }, () => []);
  [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).forEach((file, i) => parts[i % parts.length]!.push(file.path));
  return parts;
}

function htmlFiles(siteDir: string): HtmlFile[] {
  return readdirSync(siteDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .map((file) => ({ path: path.relative(siteDir, file).split(path.sep).join("/"), bytes: statSync(file).size }));
}

/** What a merged part needs: its entry, page list, index chunks, fragments and filters, not the scripts. */
const isIndexData = (file: string) => file === "pagefind-entry.json" || /\.pf_(meta|index|fragment|filter)$/.test(file);

export interface PartJob {
  /** The pages to index: the site's folder, or for one part of several a folder of links to its pages. */
  pagesDir: string;
  /** Where the bundle goes: the site's `pagefind/` folder, or a folder inside it for a further part. */
  bundleDir: string;
  /** A further part keeps only its index data: the first part's scripts and WebAssembly serve them all. */
  dataOnly: boolean;
}

/**
 * Indexes one part of a built site with Pagefind's Node API and writes its bundle. Pagefind works in its own
 * process, so the caller's thread is free meanwhile. What is indexed is decided by the layouts: only
 * `data-pagefind-body` (so not the header, menus or footer).
 */
export async function indexPart(job: PartJob, onPagesRead: () => void = () => {}): Promise<SearchIndexResult> {
  // Starting at <main> spares Pagefind the state header, menus and footer of every page (a tenth of its time
  // at 10,000 pages); what it indexes is still only each page's data-pagefind-body article.
  // No language is forced: Pagefind keeps an index for each page's <html lang>, stemmed for that language, and the
  // search page loads the one of its own language.
  const created = await pagefind.createIndex({ rootSelector: "main" });
  try {
    if (!created.index) return { errors: created.errors, pageCount: 0 };
    const added = await created.index.addDirectory({ path: job.pagesDir });
    onPagesRead();
    if (added.errors.length) return { errors: added.errors, pageCount: added.page_count };
    // Pagefind's own writeFiles answers before its last writes reach the disk, and closing the service then
    // can leave files empty (a blank pagefind-entry.json broke search). Taking the files and writing them here
    // means every file is whole before the site is swapped into place.
    const bundle = await created.index.getFiles();
    const files = job.dataOnly ? bundle.files.filter((file) => isIndexData(file.path)) : bundle.files;
    const targets = files.map((file) => path.join(job.bundleDir, file.path));
    for (const dir of new Set(targets.map((target) => path.dirname(target)))) mkdirSync(dir, { recursive: true });
    files.forEach((file, i) => writeFileSync(targets[i]!, file.content));
    return { errors: bundle.errors, pageCount: added.page_count };
  } finally {
    await pagefind.close();
  }
}

/**
 * One part of several, in a child process: Pagefind's Node API keeps one service per process. A child in the
 * background runs at the lowest priority, and so does the Pagefind it starts.
 */
function indexPartInChild(job: PartJob, onPagesRead: () => void, background: boolean): Promise<SearchIndexResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", tsxLoader, path.join(generatorRoot, "scripts", "search-part.ts")], { stdio: ["pipe", "pipe", "pipe"] });
    if (background && child.pid !== undefined) {
      try {
        os.setPriority(child.pid, os.constants.priority.PRIORITY_LOW);
      } catch {
        // A system that will not lower it indexes at the usual priority.
      }
    }
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (stdout.startsWith("read\n")) {
        stdout = stdout.slice("read\n".length);
        onPagesRead();
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const failed = (why: string) => resolve({ errors: [`${job.bundleDir} was not built: ${why}`], pageCount: 0 });
    child.on("error", (error) => failed(error.message));
    child.on("close", (code) => {
      if (code !== 0) return failed(stderr.trim() || `exit code ${code}`);
      try {
        resolve(JSON.parse(stdout) as SearchIndexResult);
      } catch {
        failed(`its process answered ${JSON.stringify(stdout.slice(0, 200))}`);
      }
    });
    child.stdin.end(JSON.stringify(job));
  });
}

/** Runs tasks with at most `limit` at a time, results in order. */
async function inTurns<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/**
 * A folder of hard links to some of the site's pages, at the same paths, beside the site (a link cannot cross
 * file systems): Pagefind reads a part's pages from it, and gives them the same addresses. Selecting them by a
 * glob instead fails at about 6,000 pages, too long a pattern for Pagefind. Made on the thread pool: the
 * links of 10,000 pages took 0.6 s one at a time.
 */
async function linkPages(siteDir: string, files: readonly string[]): Promise<string> {
  const dir = await mkdtemp(path.join(path.dirname(siteDir), ".search-part-"));
  await Promise.all(
    files.map(async (file) => {
      const linkPath = path.join(dir, file);
      await mkdir(path.dirname(linkPath), { recursive: true });
      await link(path.join(siteDir, file), linkPath);
    }),
  );
  return dir;
}

/**
 * Starts indexing a built site: in this process's Pagefind service, or for a large site in parts side by side,
 * each in a child process, as many at once as there are cores. None of a large index then passes through this
 * process. In the `background` (npm start's search, catching up behind the pages shown), every part is indexed in a
 * child process at the lowest priority, so that a save being read and shown has the machine first.
 */
export function startSearchIndex(siteDir: string, partBytes = defaultPartBytes, bundle = path.join(siteDir, "pagefind"), background = false): SearchIndexing {
  const parts = planParts(htmlFiles(siteDir), partBytes);
  let read = 0;
  let allRead!: () => void;
  const pagesRead = new Promise<void>((resolve) => (allRead = resolve));
  const indexing = parts.map((files, i) => async (): Promise<SearchIndexResult> => {
    const inParts = parts.length > 1;
    const pagesDir = inParts ? await linkPages(siteDir, files) : siteDir;
    const removeLinks = () => rm(pagesDir, { recursive: true, force: true });
    let removing: Promise<void> | undefined;
    const onPagesRead = () => {
      if (++read === parts.length) allRead();
      // The links are not needed once Pagefind has read the pages; removing 10,000 takes a second.
      if (inParts) removing = removeLinks();
    };
    const job: PartJob = { pagesDir, bundleDir: path.join(bundle, partFolder(i + 1)), dataOnly: i > 0 };
    try {
      return await (inParts || background ? indexPartInChild(job, onPagesRead, background) : indexPart(job, onPagesRead));
    } finally {
      if (inParts) await (removing ?? removeLinks());
    }
  });
  const finished = inTurns(indexing, os.availableParallelism())
    .then((results) => {
      mkdirSync(bundle, { recursive: true });
      writeFileSync(path.join(bundle, partsManifest), JSON.stringify(parts.slice(1).map((_, i) => partFolder(i + 2))));
      return { errors: results.flatMap((result) => result.errors), pageCount: results.reduce((sum, result) => sum + result.pageCount, 0) };
    })
    // A part that failed before reading its pages must not leave the pipeline waiting for it.
    .finally(allRead);
  return { pagesRead, finished };
}

/** Indexes a built site and writes the index into its `pagefind/` folder. */
export async function writeSearchIndex(siteDir: string, partBytes = defaultPartBytes): Promise<SearchIndexResult> {
  return startSearchIndex(siteDir, partBytes).finished;
}
