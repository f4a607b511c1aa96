import { readFileSync } from "node:fs";
import { pageUrl } from "./addresses.ts";
import { parsePage, type ParsedPage } from "./frontmatter.ts";
import { KeptWork } from "./kept-work.ts";
import type { Problem } from "../problems/problems.ts";
import { append } from "../problems/problems.ts";

/** A page whose front matter has been read: what the checks judge and Eleventy renders. */
export interface ReadPage {
  file: string;
  text: string;
  url: string;
  /** The front matter (when valid) and the Markdown body; undefined when the front matter cannot be read. */
  page?: ParsedPage;
}

/** `npm start`: each page's front matter as last read, by file, so that a save reads again only the pages it changed. */
export class ReadMemory extends KeptWork<ReturnType<typeof parsePage>> {}

/** Reads each page's front matter against the schema, and gives it its address. */
export function readPages(contentDir: string, files: readonly string[], memory?: ReadMemory): { pages: ReadPage[]; problems: Problem[] } {
  const pages: ReadPage[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const { page, problems: found } = memory ? memory.recall(file, [text], () => parsePage(file, text)) : parsePage(file, text);
    append(problems, found);
    pages.push({ file, text, url: pageUrl(contentDir, file, page?.data?.permalink), page });
  }
  memory?.keepOnly(files);
  return { pages, problems };
}
