// npm start's whole builds, in a thread of their own: Eleventy's render of a whole site is one long chain of work
// that would otherwise keep the preview from answering, or from showing a saved page, until its last page.
import { parentPort } from "node:worker_threads";
import { siteEleventy } from "../render/eleventy.ts";
import { displayPath } from "../problems/problems.ts";
import { renderFailure } from "../render/render-failure.ts";
import { receivedSite, type WholeBuildDone, type WholeBuildRequest } from "./whole-build.ts";

parentPort!.on("message", async ({ generation, site: posted, outputDir }: WholeBuildRequest) => {
  const site = receivedSite(posted);
  const start = performance.now();
  let written: string[] | undefined;
  let failure: string | undefined;
  let fix: string | undefined;
  const eleventy = siteEleventy(() => site, outputDir, { indexSearch: false, preview: true, pathPrefix: site.model.pathPrefix, afterBuild: (files) => (written = files && [...files]) });
  eleventy.logger.overrideLogger({ log: () => {}, warn: () => {}, error: () => {} });
  try {
    await eleventy.write();
  } catch (error) {
    const said = renderFailure(error, site.model.contentDir);
    failure = said.page ? `${displayPath(said.page)}: ${said.message}` : said.message;
    fix = said.fix;
  }
  const done: WholeBuildDone = { generation, written, failure, fix, seconds: (performance.now() - start) / 1000 };
  parentPort!.postMessage(done);
});
