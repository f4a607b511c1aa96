// npm run build [-- --content DIR --output DIR --path-prefix /repo/]: checks the content, builds the site
// and swaps it into place; on any error the previous site is left as it was.
import { runPipeline } from "../src/pipeline.ts";
import { report } from "../src/problems/report.ts";
import { commonArgs } from "./args.ts";
import { exitWhenWritten } from "./exit.ts";

const options = commonArgs();
const { problems, fileCount, timings } = await runPipeline(options);
const code = report(problems, console.error, process.env, options.focus);
if (options.timings) console.error(`timings: ${timings.map(([step, seconds]) => `${step} ${seconds.toFixed(2)} s`).join("; ")}`);
if (code === 0) console.log(`Built ${fileCount} files into ${options.outputDir}`);
else console.error("Nothing was published: fix the errors above and build again.");
await exitWhenWritten(code);
