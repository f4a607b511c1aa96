// npm run check: every check the build makes, without publishing anything.
import { report } from "../src/problems/report.ts";
import { commonArgs } from "./args.ts";
import { runAsProgram, type Printer } from "./exit.ts";

export async function check(args: string[], print: Printer): Promise<number> {
  const options = commonArgs(args, { writes: false });
  // Loaded once the arguments are known to be right: a mistyped option is said at once.
  const { checkContent } = await import("../src/prepare.ts");
  const { problems, model } = await checkContent(options);
  const code = report(problems, print.err, process.env, options.focus());
  if (code === 0) print.out(`Checked ${model.pages.length} pages: no errors.`);
  return code;
}

await runAsProgram(import.meta.url, check);
