import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

export interface SearchIndexResult {
  errors: string[];
  pageCount: number;
}

/**
 * Indexes a built site with Pagefind's Node API and writes the index into its `pagefind/` folder.
 * What is indexed is decided by the layouts: only `data-pagefind-body` (so not the header, menus or footer).
 */
export async function writeSearchIndex(siteDir: string, language: string): Promise<SearchIndexResult> {
  const created = await pagefind.createIndex({ forceLanguage: language.split("-")[0] });
  try {
    if (!created.index) return { errors: created.errors, pageCount: 0 };
    const added = await created.index.addDirectory({ path: siteDir });
    if (added.errors.length) return { errors: added.errors, pageCount: added.page_count };
    // Pagefind's own writeFiles answers before its last writes reach the disk, and closing the service then
    // can leave files empty (a blank pagefind-entry.json broke search). Taking the files and writing them here
    // means every file is whole before the site is swapped into place.
    const bundle = await created.index.getFiles();
    for (const file of bundle.files) {
      const target = path.join(siteDir, "pagefind", file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    return { errors: bundle.errors, pageCount: added.page_count };
  } finally {
    await pagefind.close();
  }
}
