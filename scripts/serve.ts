// npm start: checks the content, then serves the site with Eleventy's dev server, rebuilding and
// reloading the browser on every change.
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { generatorRoot, optionsToEnvironment } from "../src/options.ts";
import { runPipeline } from "../src/pipeline.ts";
import { report } from "../src/problems/report.ts";
import { commonArgs } from "./args.ts";
import { exitWhenWritten } from "./exit.ts";

const options = commonArgs();
const { problems } = await runPipeline({ ...options, write: true });
if (report(problems) !== 0) {
  console.error("Fix the errors above, then run npm start again.");
  await exitWhenWritten(1);
}
optionsToEnvironment(options);
const eleventy = new Eleventy(options.contentDir, options.outputDir, {
  configPath: path.join(generatorRoot, ".eleventy.ts"),
  runMode: "serve",
  source: "cli",
  // Not a line for every file it writes on every rebuild: the problems found must stand out.
  quietMode: true,
});
await eleventy.init();
await eleventy.watch();
await eleventy.serve(Number(process.env.PORT ?? 8080));
