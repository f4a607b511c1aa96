import { realpathSync } from "node:fs";
import path from "node:path";
import { watch, type FSWatcher } from "chokidar";

/** What changed: chokidar's events, and a file whose name is not UTF-8, which chokidar cannot name and so drops. */
export type SourceEvent = "add" | "change" | "unlink" | "addDir" | "unlinkDir" | "undecodable";

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
  watcher.on("raw", (_event, file: string | null, details: { watchedPath?: string }) => {
    if (file?.includes("\uFFFD") && details.watchedPath) heard("undecodable", path.join(details.watchedPath, file));
  });
  return watcher;
}
