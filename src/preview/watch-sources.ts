import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";

/** What changed: chokidar's events, and a file whose name is not UTF-8, which chokidar cannot name and so drops. */
export type SourceEvent = "add" | "change" | "unlink" | "addDir" | "unlinkDir" | "undecodable";

/** How long the events of one save of a file whose name is not UTF-8 are gathered into one. */
const undecodableSettleMs = 50;

/**
 * Follows saves in the content folder and the layouts, telling `heard` of each. A symbolic link is followed as a
 * file of its own, never into what it points to: the site publishes no linked file, and a link to `/` or to a home
 * folder had the preview walk all of it, answering a page in two minutes.
 */
export function watchSources(folders: string[], heard: (event: SourceEvent, file: string) => void): FSWatcher {
  // The folders themselves may be links (content kept elsewhere): what they lead to is watched.
  const watcher = watch(folders.map((folder) => realpathSync(folder)), { ignoreInitial: true, followSymlinks: false, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
  watcher.on("all", heard);
  // The system gives such a name with U+FFFD in place of its bytes; chokidar finds no file by it, and says nothing.
  // A file truly named with U+FFFD is found, and chokidar tells of it. One save is several events: each name is told once.
  const pending = new Set<string>();
  watcher.on("raw", (_event, file: string | null, details: { watchedPath?: string }) => {
    const full = file?.includes("\uFFFD") && details.watchedPath ? path.join(details.watchedPath, file) : undefined;
    if (!full || existsSync(full) || pending.has(full)) return;
    pending.add(full);
    setTimeout(() => {
      pending.delete(full);
      heard("undecodable", full);
    }, undecodableSettleMs);
  });
  return watcher;
}
