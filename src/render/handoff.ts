import { Worker } from "node:worker_threads";
import type { SiteModel } from "../model/site.ts";
import { tsxApi } from "../options.ts";

/**
 * Pages' checked HTML as handed to a rendering thread: one buffer, transferred rather than cloned string by
 * string (copying is the sending thread's work: half a second at 10,000 pages, most of it strings one by one).
 */
export interface PostedBodies {
  files: string[];
  ends: number[];
  html: ArrayBuffer;
}

export function postBodies(bodies: Iterable<readonly [file: string, html: string]>): PostedBodies {
  const files: string[] = [];
  const ends: number[] = [];
  const htmls: string[] = [];
  let end = 0;
  for (const [file, html] of bodies) {
    files.push(file);
    htmls.push(html);
    ends.push((end += html.length));
  }
  return { files, ends, html: new TextEncoder().encode(htmls.join("")).buffer };
}

/** The pages' HTML as posted, by file. */
export function receiveBodies({ files, ends, html }: PostedBodies): Map<string, string> {
  // A byte-order mark at the start is a page's first character, not a mark to drop: each page's HTML is found by its offset.
  const all = new TextDecoder("utf-8", { ignoreBOM: true }).decode(html);
  return new Map(files.map((file, i) => [file, all.slice(ends[i - 1] ?? 0, ends[i])]));
}

/** The model as a rendering thread needs it: its pages without their Markdown, which rendering never reads (it renders the checked HTML). */
export function postedModel(model: SiteModel): SiteModel {
  return { ...model, pages: model.pages.map((page) => ({ ...page, text: "", page: page.page && { ...page.page, body: "" } })) };
}

/** A thread running one of the generator's TypeScript modules: it starts tsx before loading it (Node 20 gives a thread no --import). */
export function startThread(entry: URL): Worker {
  return new Worker(`import(${JSON.stringify(tsxApi)}).then(({ register }) => (register(), import(${JSON.stringify(entry.href)})));`, { eval: true });
}
