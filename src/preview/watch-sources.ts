import { realpathSync } from "node:fs";
import { watch, type FSWatcher } from "chokidar";

/**
 * Follows saves in the content folder and the layouts. A symbolic link is followed as a file of its own, never into
 * what it points to: the site publishes no linked file, and a link to `/` or to a home folder had the preview walk
 * all of it, answering a page in two minutes.
 */
export function watchSources(folders: string[]): FSWatcher {
  // The folders themselves may be links (content kept elsewhere): what they lead to is watched.
  return watch(folders.map((folder) => realpathSync(folder)), { ignoreInitial: true, followSymlinks: false, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
}
