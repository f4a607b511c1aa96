import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findChromium } from "./browser/chromium.ts";
import { serveSite } from "./browser/server.ts";
import { today } from "../src/model/review.ts";
import { isRunning } from "../src/publish/swap.ts";
import { buildShared, prefix, type SharedBuild } from "./shared-sites.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The folder where this run's shared sites are built (see shared-sites.ts). */
    testRun: string;
    /** The day, in California, every shared site is built for: a run that crosses midnight there still builds one site. */
    siteDay: string;
    /** For the browser tests: Chromium, and the Code California site at its root and under a path prefix, each served on 127.0.0.1. */
    chromium: string;
    site: SharedBuild;
    prefixedSite: SharedBuild;
    siteUrl: string;
    prefixedSiteUrl: string;
  }
}

/** Where runs may keep their files: in memory, and the system's temporary folder. */
const memory = "/dev/shm";
const runsRoots = [memory, os.tmpdir()];

/**
 * The folder of one run (one vitest process): each project's setup loads this module afresh, and finds the same.
 * Named for when the process started too, so that a killed run's claims, never fulfilled, are no later run's.
 */
const runName = `codecagov-test-run-${process.pid}-${Math.round(performance.timeOrigin)}`;

/**
 * In memory (/dev/shm) when it has room and TMPDIR does not say otherwise. The tests write thousands of small files
 * (sites built, fixtures copied), and on this project's machines creating a file on disk costs 0.15 to 0.7 ms of
 * processor time, against 0.01 ms in memory. A run holds about 350 MB at most. A run already begun stays where it is.
 */
function runFolder(): string {
  const begun = runsRoots.map((root) => path.join(root, runName)).find((dir) => existsSync(dir));
  if (begun) return begun;
  try {
    const { bavail, bsize } = statfsSync(memory);
    accessSync(memory, constants.W_OK);
    if (!process.env.TMPDIR && bavail * bsize > 2 * 1024 ** 3) return path.join(memory, runName);
  } catch {
    // No such folder, or not ours to write: the system's temporary folder, then.
  }
  return path.join(os.tmpdir(), runName);
}
const runDir = runFolder();

/**
 * Removes the folders of runs whose process is gone, wherever they were kept: a run stopped before its teardown
 * (Ctrl-C, a killed CI job) leaves its folder, and no later run would otherwise remove it.
 */
function removeAbandonedRuns(): void {
  for (const root of runsRoots.filter((dir) => existsSync(dir))) {
    for (const name of readdirSync(root)) {
      const pid = /^codecagov-test-run-(\d+)-/.exec(name)?.[1];
      if (pid && !isRunning(Number(pid))) rmSync(path.join(root, name), { recursive: true, force: true });
    }
  }
}

/** The day every shared site is built for, decided by the first setup of the run and read by the others. */
function dayOfRun(): string {
  const file = path.join(runDir, "day");
  mkdirSync(runDir, { recursive: true });
  try {
    writeFileSync(file, today(), { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readFileSync(file, "utf8");
}

/**
 * Every project learns where the run's shared sites are built, and for which day; the unit tests build those they
 * read when they first need them. The browser tests read both builds of the real site, served: they are built,
 * and Chromium found, before any of them starts.
 */
export default async function setup(project: TestProject) {
  removeAbandonedRuns();
  const day = dayOfRun();
  project.provide("testRun", runDir);
  project.provide("siteDay", day);
  if (project.name !== "browser") return () => rmSync(runDir, { recursive: true, force: true });
  // Chromium, when it must be installed, is fetched while the sites build: one waits mostly on the network and the disk, the others on the processor.
  const [chromium, site, prefixedSite] = await Promise.all([
    findChromium(),
    buildShared(runDir, "site", day),
    buildShared(runDir, "prefixedSite", day),
  ]);
  const servers = await Promise.all([serveSite(site.output), serveSite(prefixedSite.output, prefix)]);
  project.provide("chromium", chromium);
  project.provide("site", site);
  project.provide("prefixedSite", prefixedSite);
  project.provide("siteUrl", servers[0].url);
  project.provide("prefixedSiteUrl", servers[1].url);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
    rmSync(runDir, { recursive: true, force: true });
  };
}
