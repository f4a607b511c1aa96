import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as pagefind from "pagefind";
import { generatorRoot } from "./options.ts";

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
export const defaultPartBytes = 40 * 1024 * 1024;

/** The bundle of part n, inside the first part's (which alone carries Pagefind's script and WebAssembly). */
export const partFolder = (n: number) => (n === 1 ? "" : `part-${n}/`);

/** The list of the further parts, beside Pagefind's own files, for the search page to merge. */
export const partsManifest = "parts.json";

export interface HtmlFile {
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

/** A glob that matches exactly these files: the names, with the glob's own characters escaped, in braces. */
export const globOf = (files: readonly string[]) => `{${files.map((file) => file.replace(/[\\{}[\]*?,!<>:]/g, "\\$&")).join(",")}}`;

/** What a merged part needs: its entry, page list, index chunks, fragments and filters, not the scripts. */
const isIndexData = (file: string) => file === "pagefind-entry.json" || /\.pf_(meta|index|fragment|filter)$/.test(file);

export interface PartJob {
  siteDir: string;
  language: string;
  /** 1 for the first part, whose bundle is the site's `pagefind/` folder. */
  part: number;
  /** Which pages; every page of the site when left out. */
  glob?: string;
}

/**
 * Indexes one part of a built site with Pagefind's Node API and writes its bundle. Pagefind works in its own
 * process, so the caller's thread is free meanwhile. What is indexed is decided by the layouts: only
 * `data-pagefind-body` (so not the header, menus or footer).
 */
export async function indexPart(job: PartJob, onPagesRead: () => void = () => {}): Promise<SearchIndexResult> {
  // Starting at <main> spares Pagefind the state header, menus and footer of every page (a tenth of its time
  // at 10,000 pages); what it indexes is still only each page's data-pagefind-body article.
  const created = await pagefind.createIndex({ forceLanguage: job.language.split("-")[0], rootSelector: "main" });
  try {
    if (!created.index) return { errors: created.errors, pageCount: 0 };
    const added = await created.index.addDirectory({ path: job.siteDir, ...(job.glob && { glob: job.glob }) });
    onPagesRead();
    if (added.errors.length) return { errors: added.errors, pageCount: added.page_count };
    // Pagefind's own writeFiles answers before its last writes reach the disk, and closing the service then
    // can leave files empty (a blank pagefind-entry.json broke search). Taking the files and writing them here
    // means every file is whole before the site is swapped into place.
    const bundle = await created.index.getFiles();
    const folder = path.join(job.siteDir, "pagefind", partFolder(job.part));
    const files = job.part === 1 ? bundle.files : bundle.files.filter((file) => isIndexData(file.path));
    const targets = files.map((file) => path.join(folder, file.path));
    for (const dir of new Set(targets.map((target) => path.dirname(target)))) mkdirSync(dir, { recursive: true });
    files.forEach((file, i) => writeFileSync(targets[i]!, file.content));
    return { errors: bundle.errors, pageCount: added.page_count };
  } finally {
    await pagefind.close();
  }
}

const tsxLoader = pathToFileURL(path.join(generatorRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;

/** A further part, in a child process: Pagefind's Node API keeps one service per process. */
function indexPartInChild(job: PartJob, onPagesRead: () => void): Promise<SearchIndexResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", tsxLoader, path.join(generatorRoot, "scripts", "search-part.ts")], { stdio: ["pipe", "pipe", "pipe"] });
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
    child.on("close", (code) => {
      if (code === 0) resolve(JSON.parse(stdout) as SearchIndexResult);
      else resolve({ errors: [`part ${job.part} of the index failed: ${stderr.trim() || `exit code ${code}`}`], pageCount: 0 });
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
 * Starts indexing a built site: in this process's Pagefind service, or for a large site in parts side by side,
 * the first here and each further one in a child process, as many at once as there are cores.
 */
export function startSearchIndex(siteDir: string, language: string, partBytes = defaultPartBytes): SearchIndexing {
  const parts = planParts(htmlFiles(siteDir), partBytes);
  let read = 0;
  let allRead!: () => void;
  const pagesRead = new Promise<void>((resolve) => (allRead = resolve));
  const onPagesRead = () => {
    if (++read === parts.length) allRead();
  };
  const jobs = parts.map((files, i): PartJob => ({ siteDir, language, part: i + 1, ...(parts.length > 1 && { glob: globOf(files) }) }));
  const finished = inTurns(
    jobs.map((job) => () => (job.part === 1 ? indexPart(job, onPagesRead) : indexPartInChild(job, onPagesRead))),
    os.availableParallelism(),
  ).then((results) => {
    // A part that failed before reading its pages must not leave the pipeline waiting for it.
    allRead();
    const manifest = path.join(siteDir, "pagefind", partsManifest);
    mkdirSync(path.dirname(manifest), { recursive: true });
    writeFileSync(manifest, JSON.stringify(jobs.slice(1).map((job) => partFolder(job.part))));
    return { errors: results.flatMap((result) => result.errors), pageCount: results.reduce((sum, result) => sum + result.pageCount, 0) };
  });
  return { pagesRead, finished };
}

/** Indexes a built site and writes the index into its `pagefind/` folder. */
export async function writeSearchIndex(siteDir: string, language: string, partBytes = defaultPartBytes): Promise<SearchIndexResult> {
  return startSearchIndex(siteDir, language, partBytes).finished;
}
