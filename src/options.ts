import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The generator's own folder: layouts, styles and code live here, whatever content folder is built. */
export const generatorRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** tsx's loader by its full path, for running the generator's TypeScript in a child process from any folder. */
export const tsxLoader = pathToFileURL(path.join(generatorRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;
/** tsx's API by its full path, for a thread to start tsx in itself before it loads the generator's TypeScript. */
export const tsxApi = pathToFileURL(path.join(generatorRoot, "node_modules", "tsx", "dist", "esm", "api", "index.mjs")).href;
/** Loads Eleventy before tsx's loader is started, where the site is rendered (see the file). */
export const eleventyPreload = new URL("./render/eleventy-preload.mjs", import.meta.url).href;

/**
 * Eleventy's input folder holds no file: Eleventy finds nothing of its own (no template, no data file, no
 * `*.11tydata.js`) and renders only the pages the configuration hands it.
 */
export const renderInput = path.join(generatorRoot, "src", "render", "input");

/** "/repo" and "repo/" both mean "/repo/". */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

/** A path prefix whose folders an address can carry: letters, digits, hyphens, underscores, tildes and dots, none starting with a dot. */
export const isSafePrefix = (prefix: string): boolean => /^\/?(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*)?$/.test(prefix.trim());
