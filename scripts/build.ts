// npm run build [-- --content DIR --output DIR --path-prefix /repo/]: checks the content, builds the site
// and swaps it into place; on any error the previous site is left as it was.
import { printable } from "../src/problems/problems.ts";
import { report } from "../src/problems/report.ts";
import { OutputNotWritable } from "../src/publish/swap.ts";
import { commonArgs } from "./args.ts";
import { runAsProgram, type Printer } from "./exit.ts";

export async function build(args: string[], print: Printer): Promise<number> {
  const options = commonArgs(args);
  // Loaded once the arguments are known to be right: a mistyped option or a refused folder is said at once.
  const { runPipeline } = await import("../src/pipeline.ts");
  let built: Awaited<ReturnType<typeof runPipeline>>;
  try {
    built = await runPipeline(options);
  } catch (error) {
    if (!(error instanceof OutputNotWritable)) throw error;
    print.err(`error: ${error.message}`);
    return 2;
  }
  const { problems, fileCount, timings } = built;
  const code = report(problems, print.err, process.env, options.focus());
  if (options.timings) print.err(`timings: ${timings.map(([step, seconds]) => `${step} ${seconds.toFixed(2)} s`).join("; ")}`);
  if (code === 0) print.out(`Built ${fileCount} files into ${printable(options.outputDir)}`);
  else print.err("Nothing was published: fix the errors above and build again.");
  return code;
}

await runAsProgram(import.meta.url, build);
