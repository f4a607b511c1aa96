import path from "node:path";
import { messageOf } from "../problems/problems.ts";
import { generatorRoot } from "../options.ts";
import { renderInput } from "./eleventy.ts";

/** Why rendering stopped, in the generator's words: the page it stopped on, if Eleventy named one. */
export interface RenderFailure {
  /** The page's Markdown file. */
  page?: string;
  message: string;
}

/**
 * Eleventy's error, said without its words or its inner paths (the staging folder, the files it knows pages by),
 * which mean nothing to an editor: the page it names, by its Markdown file. The checks passed, so the layouts, not
 * the page, are at fault; `npm run eleventy` prints Eleventy's own account for the maintainers.
 */
export function renderFailure(error: unknown, contentDir: string): RenderFailure {
  // Eleventy names a page by its path in the input folder, whole or from the working folder.
  const inputPage = new RegExp(`${escapeRegExp(path.relative(generatorRoot, renderInput) + path.sep)}(.+?)\\.checked-page`).exec(messageOf(error));
  return inputPage
    ? { page: path.join(contentDir, `${inputPage[1]}.md`), message: "this page could not be laid out into the site" }
    : { message: "the site could not be laid out" };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
