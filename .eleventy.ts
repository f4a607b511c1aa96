// Eleventy's own command line (`npx @11ty/eleventy --config=.eleventy.ts`) builds the same site as `npm run build`:
// the project's content folder, read into the site model and checked, every page as the checks judged it.
import path from "node:path";
import { prepareSite } from "./src/prepare.ts";
import { generatorRoot } from "./src/options.ts";
import { ContentError, hasErrors, PlainError } from "./src/problems/problems.ts";
import { eleventyOutputProblem } from "./src/publish/output.ts";
import { configureSite, type EleventyConfig } from "./src/render/eleventy.ts";

export default function siteConfig(eleventyConfig: EleventyConfig) {
  const contentDir = path.join(generatorRoot, "content");
  // Eleventy says how it was started in its own environment variable.
  const runMode = process.env.ELEVENTY_RUN_MODE;
  if (runMode === "serve") throw new PlainError("Eleventy's own server shows the site to every computer on the network, and cannot be kept to this one — preview the site with npm start, which serves this computer only");
  const refused = eleventyOutputProblem(eleventyConfig.directories.output, contentDir, runMode);
  if (refused) throw new PlainError(refused);
  const site = prepareSite({ contentDir }, { strict: false });
  if (hasErrors(site.problems)) throw new ContentError(site.problems);
  return configureSite(eleventyConfig, site, { indexSearch: true });
}
