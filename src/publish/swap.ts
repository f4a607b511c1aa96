import { chmodSync, lstatSync, mkdtempSync, readdirSync, readlinkSync, renameSync, rmdirSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { fileErrorOf, whyNoFolder } from "../problems/file-error.ts";
import { printable } from "../problems/problems.ts";
import { makeFolders } from "./output.ts";

/**
 * A site is built into a staging folder beside the output path, and the output path is a symbolic link to the
 * newest complete one. Replacing a link by renaming another over it is atomic, so at every instant the output
 * path holds a whole site, the old one or the new one, even if the build is killed halfway.
 */
const stagingPrefix = (outputDir: string) => `.site-${path.basename(outputDir)}-`;

/**
 * A staging folder of `outputDir`'s, or its link, by the name this generator gives it: the
 * build's process id and mkdtemp's six letters, exactly. A prefix alone would take `.site-site-prefixed-…`, the
 * staging folder of a site published beside it as site-prefixed, for one of site's.
 */
const ownStaging = (outputDir: string) => new RegExp(`^${stagingPrefix(outputDir).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(\\d+)-[A-Za-z0-9]{6}(?:\\.link)?$`);

/** The output path's folder cannot take a new folder: the place the person chose is at fault, not a file of the site. */
export class OutputNotWritable extends Error {}

/** A fresh staging folder for a build of `outputDir`; its name carries this process's id, to tell a killed build's. */
export function makeStaging(outputDir: string): string {
  let staging: string;
  try {
    makeFolders(path.dirname(outputDir));
    removeLeftovers(outputDir);
    staging = mkdtempSync(path.join(path.dirname(outputDir), `${stagingPrefix(outputDir)}${process.pid}-`));
  } catch (error) {
    const failed = fileErrorOf(error);
    if (!failed) throw error;
    throw new OutputNotWritable(`the site cannot be written at ${printable(outputDir)}: ${whyNoFolder(failed.code)} — give --output another folder, such as _site`);
  }
  // mkdtemp makes a folder only its owner can read; a published site is read by the web server too.
  chmodSync(staging, 0o755);
  return staging;
}

/** Publishes a complete staging folder at `outputDir`, then removes the site it replaced. */
export function swapInto(staging: string, outputDir: string): void {
  const previous = currentTarget(outputDir);
  const link = `${staging}.link`;
  // Windows makes a folder link without administrator rights only as a junction, which needs a full path.
  symlinkSync(process.platform === "win32" ? staging : path.basename(staging), link, "junction");
  try {
    renameSync(link, outputDir);
  } catch {
    // An empty folder made for the site by hand, which a link cannot be renamed over; a folder of files is never
    // let through to here (outputDirProblem), and would stop the swap here, kept whole.
    rmdirSync(outputDir);
    renameSync(link, outputDir);
  }
  if (previous) rmSync(previous, { recursive: true, force: true });
}

/** The staging folder the output path links to now, when it is one of ours. */
function currentTarget(outputDir: string): string | undefined {
  try {
    if (!lstatSync(outputDir).isSymbolicLink()) return undefined;
    const target = path.resolve(path.dirname(outputDir), readlinkSync(outputDir));
    return ownStaging(outputDir).test(path.basename(target)) ? target : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process is still running (one another user runs counts too). */
export const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Staging folders and links that a killed build left beside the output path: every one but the published site's and running builds'. */
export function removeLeftovers(outputDir: string): void {
  const parent = path.dirname(outputDir);
  const own = ownStaging(outputDir);
  const published = currentTarget(outputDir);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(own.exec(name)?.[1]);
    if (!pid) continue;
    const full = path.join(parent, name);
    if (full === published || (pid !== process.pid && isRunning(pid))) continue;
    rmSync(full, { recursive: true, force: true });
  }
}
