import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  errors: string[];
  pageCount: number;
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>["index"]>;

export interface SearchIndexing {
  /** Pagefind has read every page (on all cores) and is compressing the index, on one core. */
  pagesRead: Promise<void>;
  /** The index is in the site's `pagefind/` folder. */
  finished: Promise<SearchIndexResult>;
}

/**
 * Starts indexing a built site with Pagefind's Node API. Pagefind works in its own process, so the caller's
 * thread is free meanwhile; the core it leaves free while compressing is the best moment for other work.
 * What is indexed is decided by the layouts: only `data-pagefind-body` (so not the header, menus or footer).
 */
export async function startSearchIndex(siteDir: string, language: string): Promise<SearchIndexing> {
  // Starting at <main> spares Pagefind the state header, menus and footer of every page (a tenth of its time
  // at 10,000 pages); what it indexes is still only each page's data-pagefind-body article.
  const created = await pagefind.createIndex({ forceLanguage: language.split("-")[0], rootSelector: "main" });
  if (!created.index) {
    await pagefind.close();
    return { pagesRead: Promise.resolve(), finished: Promise.resolve({ errors: created.errors, pageCount: 0 }) };
  }
  const adding = created.index.addDirectory({ path: siteDir });
  return { pagesRead: adding.then(() => undefined, () => undefined), finished: finishIndex(created.index, adding, siteDir) };
}

/** Indexes a built site and writes the index into its `pagefind/` folder. */
export async function writeSearchIndex(siteDir: string, language: string): Promise<SearchIndexResult> {
  return (await startSearchIndex(siteDir, language)).finished;
}

async function finishIndex(index: PagefindIndex, adding: ReturnType<PagefindIndex["addDirectory"]>, siteDir: string): Promise<SearchIndexResult> {
  try {
    const added = await adding;
    if (added.errors.length) return { errors: added.errors, pageCount: added.page_count };
    // Pagefind's own writeFiles answers before its last writes reach the disk, and closing the service then
    // can leave files empty (a blank pagefind-entry.json broke search). Taking the files and writing them here
    // means every file is whole before the site is swapped into place.
    const bundle = await index.getFiles();
    const targets = bundle.files.map((file) => path.join(siteDir, "pagefind", file.path));
    for (const folder of new Set(targets.map((target) => path.dirname(target)))) mkdirSync(folder, { recursive: true });
    bundle.files.forEach((file, i) => writeFileSync(targets[i]!, file.content));
    return { errors: bundle.errors, pageCount: added.page_count };
  } finally {
    await pagefind.close();
  }
}
