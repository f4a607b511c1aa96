import { fileErrorOf, insideFolder, wordsOf } from "../problems/file-error.ts";
import { printable } from "../problems/problems.ts";

/**
 * What npm start says when a save could not be read or built: an `error` to fix or report; or, for a file in the
 * content folder removed between being listed and being read, a `note`, and the folder is read again: that removal
 * may be the last change the watcher hears of.
 */
export function saveFailure(error: unknown, what: "read" | "built", contentDir: string): { error: string; note?: undefined } | { note: string; error?: undefined } {
  const failed = fileErrorOf(error);
  const removed = failed?.code === "ENOENT" && failed.file ? insideFolder(contentDir, failed.file) : undefined;
  if (removed) return { note: `${printable(removed)} was removed while the site was being read; reading it again…` };
  return { error: `error: the save could not be ${what}: ${wordsOf(error, contentDir)} — save the file again; if this comes back, report it to the site's maintainers` };
}
