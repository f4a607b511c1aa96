import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** The generator's own folder: layouts, styles and code live here, whatever content folder is built. */
export const generatorRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** tsx's loader by its full path, for running the generator's TypeScript in a child process from any folder. */
export const tsxLoader = pathToFileURL(path.join(generatorRoot, "node_modules", "tsx", "dist", "loader.mjs")).href;

export interface SiteOptions {
  /** The folder of Markdown pages, `_data/` and images: everything particular to one community's site. */
  contentDir: string;
  /** The folder served under, overriding the settings' `path_prefix` (a GitHub Pages project site: "/repo/"). */
  pathPrefix?: string;
}

/** Options as the build, check and serve commands pass them to Eleventy: through the environment. */
export function optionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): SiteOptions {
  return {
    contentDir: path.resolve(env.SITE_CONTENT ?? path.join(generatorRoot, "content")),
    pathPrefix: env.PATH_PREFIX || undefined,
  };
}

export function optionsToEnvironment(options: SiteOptions): void {
  process.env.SITE_CONTENT = options.contentDir;
  if (options.pathPrefix) process.env.PATH_PREFIX = options.pathPrefix;
  else delete process.env.PATH_PREFIX;
}

/** "/repo" and "repo/" both mean "/repo/". */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
