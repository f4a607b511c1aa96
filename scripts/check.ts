// npm run check: every check the build makes, without publishing anything.
import { runPipeline } from "../src/pipeline.ts";
import { report } from "../src/problems/report.ts";
import { commonArgs } from "./args.ts";
import { exitWhenWritten } from "./exit.ts";

const options = commonArgs();
const { problems, fileCount } = await runPipeline({ ...options, write: false });
const code = report(problems, console.error, process.env, options.focus);
if (code === 0) console.log(`Checked ${fileCount} pages: no errors.`);
await exitWhenWritten(code);
