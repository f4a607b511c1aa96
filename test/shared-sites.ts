import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inject } from "vitest";
import { isRunning } from "../src/publish/swap.ts";
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
  const claim = path.join(runDir, `${name}.claimed`);
  mkdirSync(runDir, { recursive: true });
  try {
    mkdirSync(claim);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return waitForRecord(record, claim);
  }
  // Who is building it, for those waiting to tell a build that will never come (its process ended without a word).
  writeFileSync(path.join(claim, "pid"), String(process.pid));
  const { content, args, env } = sharedSites[name];
  const output = path.join(runDir, name);
  const result = await runScript("build", ["--content", content, "--output", output, ...args], { ...env, SITE_TODAY: day });
  const built = result.code === 0 ? { ...result, output } : { failure: `The site in ${content} did not build for the tests:\n${result.stderr}` };
  // Written whole, then renamed into place: a process waiting never reads half a record.
  writeFileSync(`${record}.part`, JSON.stringify(built));
  renameSync(`${record}.part`, record);
  return readRecord(record);
}

async function waitForRecord(record: string, claim: string): Promise<SharedBuild> {
  for (;;) {
    try {
      return readRecord(record);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const builder = claimedBy(claim);
    if (builder && !isRunning(builder) && !existsSync(record)) throw new Error(`${path.basename(record, ".json")} was being built for the tests by process ${builder}, which has ended without finishing it`);
    await new Promise((resolve) => setTimeout(resolve, lookEveryMs));
  }
}

/** The process building a site, once it has said so. */
function claimedBy(claim: string): number | undefined {
  try {
    return Number(readFileSync(path.join(claim, "pid"), "utf8")) || undefined;
  } catch {
    return undefined;
  }
}

function readRecord(record: string): SharedBuild {
  const built = JSON.parse(readFileSync(record, "utf8")) as SharedBuild | { failure: string };
  if ("failure" in built) throw new Error(built.failure);
  return built;
}

/** A shared site, in a test: built on first need, once a run, for the day the run builds every site for. */
export const sharedSite = (name: SharedSiteName): Promise<SharedBuild> => buildShared(inject("testRun"), name, inject("siteDay"));
