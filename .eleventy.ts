// Eleventy's own command line (`npx @11ty/eleventy --config=.eleventy.ts`) builds the same site as `npm run build`:
// the project's content folder, read into the site model and checked, every page as the checks judged it.
import path from "node:path";
import { prepareSite } from "./src/prepare.ts";
import { generatorRoot } from "./src/options.ts";
import { ContentError, hasErrors } from "./src/problems/problems.ts";
import { configureSite, type EleventyConfig } from "./src/render/eleventy.ts";

export default function siteConfig(eleventyConfig: EleventyConfig) {
  const site = prepareSite({ contentDir: path.join(generatorRoot, "content") }, { strict: false });
  if (hasErrors(site.problems)) throw new ContentError(site.problems);
  return configureSite(eleventyConfig, site, { indexSearch: true });
}
