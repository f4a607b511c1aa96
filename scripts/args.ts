import { parseArgs } from "node:util";
import path from "node:path";
import { generatorRoot } from "../src/options.ts";

/** The options every command shares: which content folder, where the site goes, under which path prefix. */
export function commonArgs(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: "string" },
      output: { type: "string" },
      "path-prefix": { type: "string" },
      external: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      since: { type: "string" },
    },
    allowPositionals: false,
    strict: true,
  });
  return {
    contentDir: path.resolve(values.content ?? process.env.SITE_CONTENT ?? path.join(generatorRoot, "content")),
    outputDir: path.resolve(values.output ?? path.join(generatorRoot, "_site")),
    pathPrefix: values["path-prefix"] ?? process.env.PATH_PREFIX,
    external: values.external ?? false,
    strict: values.strict ?? false,
    since: values.since,
  };
}
