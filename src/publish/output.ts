import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { generatorRoot } from "../options.ts";

/** The generator's own folders: a site is never written over, around or into them. */
const sourceFolders = ["src", "scripts", "test", "_includes", "content", "node_modules", ".git", ".github", ".ci"].map((name) => path.join(generatorRoot, name));

/** npm start's folder: in the dependencies' cache, which holds none of the site's sources, so it is the one place inside node_modules a site may go. */
export const previewFolder = path.join(generatorRoot, "node_modules", ".cache", "code-ca-gov", "preview");

/** Whether `child` is `parent` or inside it. */
export const isWithin = (child: string, parent: string) => {
  const relative = path.relative(parent, child);
  return relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
};

/** The folder itself, or the nearest folder above it that exists. */
function nearestExisting(folder: string): string {
  return existsSync(folder) || path.dirname(folder) === folder ? folder : nearestExisting(path.dirname(folder));
}

/**
 * Makes `folder` and the folders above it that are missing, one at a time, so that each refusal is the system's
 * own: Node's recursive mkdir loops forever where an existing folder refuses any inside it (`/proc/x/site`), and
 * says "no such file" for a disk that can only be read.
 */
export function makeFolders(folder: string): void {
  const existing = nearestExisting(path.resolve(folder));
  const missing = path.relative(existing, path.resolve(folder)).split(path.sep).filter(Boolean);
  let parent = existing;
  for (const name of missing) mkdirSync((parent = path.join(parent, name)));
}

/**
 * What a build may replace at the output path: a link (a build publishes its site as one, and replaces the link,
 * never what it points to) or an empty folder. A folder of files is someone's, whatever their names: a hand-made
 * site has a sitemap.xml and assets/ too.
 */
function replaceable(outputDir: string): boolean {
  const stat = lstatSync(outputDir);
  return stat.isSymbolicLink() || (stat.isDirectory() && readdirSync(outputDir).length === 0);
}

/**
 * A path as the system will follow it: the folders above the last name resolved through any symbolic link, so that
 * a way round through a link is seen for where it goes. The last name is kept: the output path may be the link a
 * build published, which is replaced, not followed.
 */
function followed(folder: string): string {
  const absolute = path.resolve(folder);
  const parent = path.dirname(absolute);
  const existing = nearestExisting(parent);
  return path.join(realpathSync(existing), path.relative(existing, parent), path.basename(absolute));
}

/**
 * Why the site may not be written at `outputDir`, or undefined when it may. A build replaces the whole folder,
 * so it may not be the repository, the content folder or anything holding them, nor sit inside the sources (even
 * through a link), nor be anything but a new folder, an empty one, or the link a build published.
 */
export function outputDirProblem(outputDir: string, contentDir: string): string | undefined {
  const output = path.resolve(outputDir);
  const misplaced = outputPlaceProblem(output, contentDir);
  if (misplaced) return misplaced;
  if (existsSync(output) && !replaceable(output)) return `${output} already holds files, and a build replaces the whole folder: it writes only into a folder of its own`;
  return undefined;
}

/** Why a site may not go at `output` wherever it is written: in or around the sources, reached directly or through a link, or inside a file. */
function outputPlaceProblem(output: string, contentDir: string): string | undefined {
  const container = nearestExisting(path.dirname(output));
  if (!statSync(container).isDirectory()) return `${output} is inside ${container}, which is a file, not a folder`;
  const [real, realContent, realRoot] = [followed(output), realFolder(contentDir), realFolder(generatorRoot)];
  const through = real === output ? "" : ` (${real}, through a symbolic link)`;
  if ([realRoot, realContent].some((folder) => isWithin(folder, real))) {
    return `${output}${through} holds the site's sources (the generator or the content folder), which a build would replace`;
  }
  const sources = [...sourceFolders.map((folder) => path.join(realRoot, path.relative(generatorRoot, folder))), realContent];
  if (real !== followed(previewFolder) && sources.some((folder) => isWithin(real, folder))) {
    return `${output}${through} is inside the site's sources (the generator or the content folder)`;
  }
  return undefined;
}

/**
 * Why Eleventy's own command line may not write the site at `outputDir`, or undefined when it may. It writes each
 * page in place and removes nothing, so besides the build's rules it builds only into a folder of its own: never
 * into the site npm run build published (a link), and for a build to publish, only into a new or empty folder, where
 * no page the site no longer has is left behind. Watching, it rebuilds its own folder as files change.
 */
export function eleventyOutputProblem(outputDir: string, contentDir: string, runMode: string | undefined): string | undefined {
  const output = path.resolve(outputDir);
  const misplaced = outputPlaceProblem(output, contentDir);
  if (misplaced) return `the site cannot be written there: ${misplaced} — give --output a new folder of its own`;
  // A link, even to nothing: Eleventy would write through it.
  if (lstatSync(output, { throwIfNoEntry: false })?.isSymbolicLink()) return `${output} is the site npm run build published, and Eleventy's own command would change it in place, past the build's checks and swap — build it with npm run build, or give --output a new folder`;
  if (runMode !== "watch" && existsSync(output) && !replaceable(output)) return `${output} already holds files, and Eleventy's own command writes into a folder in place and removes nothing, so a page the site no longer has would stay — remove the folder first, or build with npm run build, which replaces the site whole`;
  return undefined;
}

/** A folder as the system finds it, every symbolic link on its way followed (as given, where it is not there yet). */
const realFolder = (folder: string) => (existsSync(folder) ? realpathSync(folder) : path.resolve(folder));
