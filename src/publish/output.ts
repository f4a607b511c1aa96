import { existsSync, lstatSync, mkdirSync, readdirSync, statSync } from "node:fs";
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

/** What a previous build left at the output path: a link to the site, or (before links) a folder holding one. */
function holdsBuiltSite(outputDir: string): boolean {
  const stat = lstatSync(outputDir);
  if (stat.isSymbolicLink()) return true;
  if (!stat.isDirectory()) return false;
  const entries = readdirSync(outputDir);
  return entries.length === 0 || (entries.includes("sitemap.xml") && entries.includes("assets"));
}

/**
 * Why the site may not be written at `outputDir`, or undefined when it may. A build replaces the whole folder,
 * so it may not be the repository, the content folder or anything holding them, nor sit inside the sources,
 * nor be a folder that holds something other than a site this generator built.
 */
export function outputDirProblem(outputDir: string, contentDir: string): string | undefined {
  const output = path.resolve(outputDir);
  const protectedFolders = [generatorRoot, path.resolve(contentDir)];
  if (protectedFolders.some((folder) => isWithin(folder, output))) {
    return `${output} holds the site's sources (the generator or the content folder), which a build would replace`;
  }
  if (output !== previewFolder && [...sourceFolders, path.resolve(contentDir)].some((folder) => isWithin(output, folder))) {
    return `${output} is inside the site's sources (the generator or the content folder)`;
  }
  const container = nearestExisting(path.dirname(output));
  if (!statSync(container).isDirectory()) return `${output} is inside ${container}, which is a file, not a folder`;
  if (existsSync(output) && !holdsBuiltSite(output)) return `${output} already holds files that are not a site built here, and a build replaces the whole folder`;
  return undefined;
}
