import path from "node:path";
import { fileErrorOf } from "../problems/file-error.ts";
import { messageOf } from "../problems/problems.ts";
import { generatorRoot, renderInput } from "../options.ts";

/** Why rendering stopped, in the generator's words: the page it stopped on, if Eleventy named one. */
export interface RenderFailure {
  /** The page's Markdown file. */
  page?: string;
  message: string;
  /** What to do, when it is not to tell the maintainers that the layouts are at fault. */
  fix?: string;
}

/** What to do when a site whose pages passed their checks could not be laid out. */
export const layoutsAtFault = "report this to the site's maintainers: the pages passed their checks, so the layouts are at fault (npm run eleventy shows why)";

/** The system's code of an error, or of one it wraps: Eleventy keeps the error it caught as `originalError`. */
function systemCode(error: unknown): string | undefined {
  for (let depth = 0, at = error; depth < 10 && at; depth++, at = (at as { originalError?: unknown; cause?: unknown }).originalError ?? (at as { cause?: unknown }).cause) {
    const code = fileErrorOf(at)?.code;
    if (code) return code;
  }
  return undefined;
}

/**
 * Eleventy's error, said without its words or its inner paths (the staging folder, the files it knows pages by),
 * which mean nothing to an editor: the page it names, by its Markdown file. The checks passed, so the layouts, not
 * the page, are at fault; `npm run eleventy` prints Eleventy's own account for the maintainers.
 */
export function renderFailure(error: unknown, contentDir: string): RenderFailure {
  // No layout, and no page, is at fault for a disk with no room.
  if (["ENOSPC", "EDQUOT"].includes(systemCode(error) ?? "")) return { message: "the disk the site is written to is full", fix: "free some space on it, or give --output a folder on another disk" };
  // Eleventy names a page by its path in the input folder, whole or from the working folder.
  const inputPage = new RegExp(`${escapeRegExp(path.relative(generatorRoot, renderInput) + path.sep)}(.+?)\\.checked-page`).exec(messageOf(error));
  return inputPage
    ? { page: path.join(contentDir, `${inputPage[1]}.md`), message: "this page could not be laid out into the site" }
    : { message: "the site could not be laid out" };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
