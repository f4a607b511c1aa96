import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildInto, root } from "../helpers.ts";
import { findChromium } from "./chromium.ts";
import { serveSite } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    chromium: string;
    /** The Code California site, built once and served on 127.0.0.1. */
    siteUrl: string;
    /** The same site built and served under the path prefix /code.ca.gov/, its search index in parts. */
    prefixedSiteUrl: string;
    /** Where each build is on disk, to list its pages. */
    siteDir: string;
    prefixedSiteDir: string;
  }
}

export const prefix = "/code.ca.gov/";
/** Small enough that the site's 0.7 MB of HTML makes three parts. */
export const partBytes = 250_000;

/** Builds the site once (plain and under a path prefix) and serves both for every browser test. */
export default async function setup(project: TestProject) {
  const chromium = findChromium();
  // The prefixed build's search index is also built in parts, as a large site's is, so that the browser tests
  // search merged parts under a path prefix as well as one index at the root.
  const [plain, prefixed] = await Promise.all([
    buildInto(path.join(root, "content")),
    buildInto(path.join(root, "content"), ["--path-prefix", prefix], { SEARCH_PART_BYTES: String(partBytes) }),
  ]);
  for (const build of [plain, prefixed]) {
    if (build.code !== 0) throw new Error(`The site did not build for the browser tests:\n${build.stderr}`);
  }
  const servers = await Promise.all([serveSite(plain.output), serveSite(prefixed.output, prefix)]);
  project.provide("chromium", chromium);
  project.provide("siteUrl", servers[0].url);
  project.provide("prefixedSiteUrl", servers[1].url);
  project.provide("siteDir", plain.output);
  project.provide("prefixedSiteDir", prefixed.output);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
