// npm run check: every check the build makes, without publishing anything.
import { checkContent } from "../src/prepare.ts";
import { report } from "../src/problems/report.ts";
import { commonArgs } from "./args.ts";
import { exitWhenWritten } from "./exit.ts";

const options = commonArgs();
const { problems, model } = await checkContent(options);
const code = report(problems, console.error, process.env, options.focus);
if (code === 0) console.log(`Checked ${model.pages.length} pages: no errors.`);
await exitWhenWritten(code);
