import type { BigIntStats } from "node:fs";
import { pageUrl } from "./addresses.ts";
import { readContentText } from "./files.ts";
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

/** `npm start`: each page as last read, its text and front matter, by file, so that a save reads again only the pages it changed. */
export class ReadMemory extends KeptWork<ReturnType<typeof parsePage> & { text: string }> {
  /**
   * `settledMs`: a file written less than this long before a reading could be written again within the same tick of
   * its time stamps (coarse on some systems), unseen by its version: it is read then, and read again the next time.
   */
  constructor(readonly settledMs = 2000) {
    super();
  }
}

/** A page file, with what its file system says of it. */
export interface PageFile {
  file: string;
  stats: BigIntStats;
}

/**
 * Which version of a file this is: its inode, size and times of change. A write changes its change time (ctime),
 * which programs cannot set, so a file whose version is the same was not written to since, unless it was written
 * within one tick of the clock: what git's index calls "racily clean", and why a recent file is read again.
 */
const versionOf = ({ ino, size, ctimeNs, mtimeNs }: BigIntStats) => `${ino} ${size} ${ctimeNs} ${mtimeNs}`;

/** Reads each page's front matter against the schema, and gives it its address; with `memory`, only the pages written to since. */
export function readPages(contentDir: string, files: readonly PageFile[], memory?: ReadMemory): { pages: ReadPage[]; problems: Problem[] } {
  const pages: ReadPage[] = [];
  const problems: Problem[] = [];
  const read = (file: string) => {
    const { text, problem: unreadable } = readContentText(file);
    return text === undefined ? { text: "", page: undefined, problems: [unreadable] } : { text, ...parsePage(file, text) };
  };
  const startedMs = Date.now();
  const settled = BigInt(startedMs - (memory?.settledMs ?? 0)) * 1_000_000n;
  for (const { file, stats } of files) {
    // A version too recent to vouch for the text is kept with this reading's start, and so never matched again.
    const from = stats.ctimeNs < settled && stats.mtimeNs < settled ? [versionOf(stats)] : [versionOf(stats), `unsettled at ${startedMs}`];
    const { text, page, problems: found } = memory ? memory.recall(file, from, () => read(file)) : read(file);
    append(problems, found);
    pages.push({ file, text, url: pageUrl(contentDir, file, page?.data?.permalink), page });
  }
  memory?.keepOnly(files.map(({ file }) => file));
  return { pages, problems };
}
