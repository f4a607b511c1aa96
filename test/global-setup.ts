import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { findChromium } from "./browser/chromium.ts";
import { serveSite } from "./browser/server.ts";
import { today } from "../src/model/review.ts";
import { fixtures, root, runScript, type CommandResult } from "./helpers.ts";

/** A site built once for the whole run, by `npm run build` in its own process, and what the build printed. */
export interface SharedBuild extends CommandResult {
  output: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    chromium: string;
    /** The Code California site, built at its root with its search index whole. */
    site: SharedBuild;
    /** The same site built under the path prefix /code.ca.gov/, its search index in parts as a large site's is. */
    prefixedSite: SharedBuild;
    /** The second community's site, from another content folder, built with --timings. */
    secondSite: SharedBuild;
    /** The day, in California, every shared site is built for: a run that crosses midnight there still builds one site. */
    siteDay: string;
    /** Where each is served on 127.0.0.1, for the browser tests. */
    siteUrl: string;
    prefixedSiteUrl: string;
  }
}

export const prefix = "/code.ca.gov/";
/** Small enough that the site's 0.8 MB of HTML makes three parts. */
export const partBytes = 300_000;

/**
 * Builds each site the tests read once a run, however many test files and projects read it: the builds of one run
 * (one vitest process) are kept in a folder named for it, so a second project's setup finds them done.
 */
const runDir = path.join(os.tmpdir(), `codecagov-test-run-${process.pid}`);

async function buildOnce(name: string, contentDir: string, day: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<SharedBuild> {
  const record = path.join(runDir, `${name}.json`);
  if (existsSync(record)) return JSON.parse(readFileSync(record, "utf8")) as SharedBuild;
  const output = path.join(runDir, name);
  const result = await runScript("build", ["--content", contentDir, "--output", output, ...args], { ...env, SITE_TODAY: day });
  if (result.code !== 0) throw new Error(`The site in ${contentDir} did not build for the tests:\n${result.stderr}`);
  mkdirSync(runDir, { recursive: true });
  writeFileSync(record, JSON.stringify({ ...result, output }));
  return { ...result, output };
}

export default async function setup(project: TestProject) {
  const content = path.join(root, "content");
  const day = today();
  const [site, prefixedSite, secondSite] = await Promise.all([
    buildOnce("site", content, day),
    buildOnce("prefixed-site", content, day, ["--path-prefix", prefix], { SEARCH_PART_BYTES: String(partBytes) }),
    buildOnce("second-site", path.join(fixtures, "sites", "second-site"), day, ["--timings"]),
  ]);
  const servers = await Promise.all([serveSite(site.output), serveSite(prefixedSite.output, prefix)]);
  project.provide("chromium", findChromium());
  project.provide("siteDay", day);
  project.provide("site", site);
  project.provide("prefixedSite", prefixedSite);
  project.provide("secondSite", secondSite);
  project.provide("siteUrl", servers[0].url);
  project.provide("prefixedSiteUrl", servers[1].url);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
    rmSync(runDir, { recursive: true, force: true });
  };
}
