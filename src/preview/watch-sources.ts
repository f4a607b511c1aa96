import { watch, type FSWatcher } from "chokidar";

/**
 * Follows saves in the content folder and the layouts. A symbolic link is followed as a file of its own, never into
 * what it points to: the site publishes no linked file, and a link to `/` or to a home folder had the preview walk
 * all of it, answering a page in two minutes.
 */
export function watchSources(folders: string[]): FSWatcher {
  return watch(folders, { ignoreInitial: true, followSymlinks: false, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
}
