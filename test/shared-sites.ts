import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { fixtures, root, runScript, type CommandResult } from "./helpers.ts";

/** A site built once for the whole run, by `npm run build` in its own process, and what the build printed. */
export interface SharedBuild extends CommandResult {
  output: string;
}

export const prefix = "/code.ca.gov/";
/** Small enough that the site's 0.8 MB of HTML makes three parts. */
export const partBytes = 300_000;

/** The sites the tests read, and how each is built. */
const sharedSites = {
  /** The Code California site, built at its root with its search index whole. */
  site: { content: path.join(root, "content"), args: [], env: {} },
  /** The same site built under the path prefix /code.ca.gov/, its search index in parts as a large site's is. */
  prefixedSite: { content: path.join(root, "content"), args: ["--path-prefix", prefix], env: { SEARCH_PART_BYTES: String(partBytes) } },
  /** The second community's site, from another content folder, built with --timings. */
  secondSite: { content: path.join(fixtures, "sites", "second-site"), args: ["--timings"], env: {} },
} satisfies Record<string, { content: string; args: string[]; env: NodeJS.ProcessEnv }>;

export type SharedSiteName = keyof typeof sharedSites;

/** How often a test waiting for a site another process is building looks whether it is done. */
const lookEveryMs = 200;

/**
 * Builds a shared site the first time any test of the run needs it, and only then: a run of one test file builds
 * none it does not read. The run's processes (vitest's own, and each test worker) meet in `runDir`: the first to
 * claim a site (making its folder of claims, which only one can) builds it and writes down the result; every
 * other waits for that record. A site that does not build fails every test that reads it, with the build's words.
 */
export async function buildShared(runDir: string, name: SharedSiteName, day: string): Promise<SharedBuild> {
  const record = path.join(runDir, `${name}.json`);
  mkdirSync(runDir, { recursive: true });
  try {
    mkdirSync(path.join(runDir, `${name}.claimed`));
  } catch {
    return waitForRecord(record);
  }
  const { content, args, env } = sharedSites[name];
  const output = path.join(runDir, name);
  const result = await runScript("build", ["--content", content, "--output", output, ...args], { ...env, SITE_TODAY: day });
  const built = result.code === 0 ? { ...result, output } : { failure: `The site in ${content} did not build for the tests:\n${result.stderr}` };
  // Written whole, then renamed into place: a process waiting never reads half a record.
  writeFileSync(`${record}.part`, JSON.stringify(built));
  renameSync(`${record}.part`, record);
  return readRecord(record);
}

async function waitForRecord(record: string): Promise<SharedBuild> {
  for (;;) {
    try {
      return readRecord(record);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, lookEveryMs));
  }
}

function readRecord(record: string): SharedBuild {
  const built = JSON.parse(readFileSync(record, "utf8")) as SharedBuild | { failure: string };
  if ("failure" in built) throw new Error(built.failure);
  return built;
}

/** A shared site, in a test: built on first need, once a run, for the day the run builds every site for. */
export const sharedSite = (name: SharedSiteName): Promise<SharedBuild> => buildShared(inject("testRun"), name, inject("siteDay"));
