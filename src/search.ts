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
    const written = await created.index.writeFiles({ outputPath: path.join(siteDir, "pagefind") });
    return { errors: written.errors, pageCount: added.page_count };
  } finally {
    await pagefind.close();
  }
}
