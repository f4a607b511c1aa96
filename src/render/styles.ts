import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Options } from "sass";
import { generatorRoot } from "../options.ts";

const stylesheetSource = path.join(generatorRoot, "_includes", "css", "site.scss");
const defaultCacheDir = path.join(generatorRoot, "node_modules", ".cache", "code-ca-gov");
const require = createRequire(import.meta.url);
const sassOptions: Options<"sync"> = {
  style: "compressed",
  loadPaths: [path.join(generatorRoot, "node_modules")],
  silenceDeprecations: ["import", "global-builtin", "slash-div", "color-functions"],
  quietDeps: true,
};

/** A compiled stylesheet and a fingerprint of every file Sass read to make it. */
interface StoredStyles {
  css: string;
  sources: Record<string, string>;
}

const fingerprint = (file: string): string | undefined => {
  try {
    return createHash("sha1").update(readFileSync(file)).digest("hex");
  } catch {
    return undefined;
  }
};

/**
 * The site's one stylesheet: the state design system's styles and ours, compiled and minified. Sass takes
 * about 0.4 s to load and compile, in every build, check and test; the result is kept in `cacheDir` and used
 * again while every file it was compiled from (Sass lists them) is unchanged.
 */
export function compileStyles(source = stylesheetSource, cacheDir = defaultCacheDir): string {
  // Another stylesheet, other options or another Sass each compile to a stylesheet of their own.
  const sassVersion = (JSON.parse(readFileSync(path.join(path.dirname(require.resolve("sass")), "package.json"), "utf8")) as { version: string }).version;
  const key = createHash("sha1").update(JSON.stringify([source, sassOptions, sassVersion])).digest("hex").slice(0, 16);
  const cacheFile = path.join(cacheDir, `styles-${key}.json`);
  try {
    const stored = JSON.parse(readFileSync(cacheFile, "utf8")) as StoredStyles;
    if (Object.entries(stored.sources).every(([file, hash]) => fingerprint(file) === hash)) return stored.css;
  } catch {
    // No stylesheet stored yet, or one from an older layout: compile.
  }
  // Loaded only when needed: most builds never touch Sass.
  const sass = require("sass") as typeof import("sass");
  const result = sass.compile(source, sassOptions);
  const sources = Object.fromEntries(result.loadedUrls.filter((url) => url.protocol === "file:").map((url) => [fileURLToPath(url), fingerprint(fileURLToPath(url))!]));
  // Written aside and renamed, so builds running side by side (the tests) never read half a file. Storing
  // is only a saving: where the folder cannot be written (a read-only install), the build goes on without it.
  try {
    mkdirSync(cacheDir, { recursive: true });
    const partial = `${cacheFile}.${randomUUID()}.tmp`;
    writeFileSync(partial, JSON.stringify({ css: result.css, sources } satisfies StoredStyles));
    renameSync(partial, cacheFile);
  } catch {
    // Compiled again next time.
  }
  return result.css;
}
