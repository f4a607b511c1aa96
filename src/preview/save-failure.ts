import { existsSync, statSync } from "node:fs";
import { fileErrorOf, insideFolder, wordsOf } from "../problems/file-error.ts";
import { printable } from "../problems/problems.ts";

/**
 * What npm start says when a save could not be read or built: an `error` to fix or report (the content folder
 * itself gone, an error of the file system, or of the program); or, for a file in the content folder removed
 * between being listed and being read, a `note`, and the folder is read again: that removal may be the last change
 * the watcher hears of.
 */
export function saveFailure(error: unknown, what: "read" | "built", contentDir: string): { error: string; note?: undefined } | { note: string; error?: undefined } {
  // The watcher cannot follow a folder taken away, even once it is put back.
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) return { error: `error: the content folder ${printable(contentDir)} is gone — put it back, then stop npm start and run it again` };
  const failed = fileErrorOf(error);
  const removed = failed?.code === "ENOENT" && failed.file ? insideFolder(contentDir, failed.file) : undefined;
  if (removed) return { note: `${printable(removed)} was removed while the site was being read; reading it again…` };
  return { error: `error: the save could not be ${what}: ${wordsOf(error, contentDir)} — save the file again; if this comes back, report it to the site's maintainers` };
}
