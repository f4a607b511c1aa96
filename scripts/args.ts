import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { generatorRoot } from "../src/options.ts";
import { didYouMean } from "../src/suggest.ts";

const usage = `Options (after --, as in: npm run build -- --content ../our-site):
  --content DIR        the folder of Markdown pages (default: content/, or SITE_CONTENT)
  --output DIR         where the site is written (default: _site/)
  --path-prefix /repo/ the folder the site is published under (or PATH_PREFIX)
  --external           also request every external link once (needs the network)
  --strict             pages overdue for review fail the check
  --since FILE|URL     a previous build's sitemap.xml or address list: each of its addresses must still lead somewhere
  --help               print this`;

/** Stops a command with a message saying what to do, instead of a stack trace. */
function stop(message: string): never {
  console.error(`error: ${message}\n\n${usage}`);
  process.exit(2);
}

/** The options every command shares: which content folder, where the site goes, under which path prefix. */
export function commonArgs(argv = process.argv.slice(2)) {
  const options = {
    content: { type: "string" },
    output: { type: "string" },
    "path-prefix": { type: "string" },
    external: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    since: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  } as const;
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, allowPositionals: false, strict: true }));
  } catch (error) {
    const unknown = /^Unknown option '--([^']+)'/.exec((error as Error).message)?.[1];
    const nearest = unknown && didYouMean(unknown, Object.keys(options));
    stop(`${(error as Error).message.split("\n")[0]} — ${nearest ? `did you mean --${nearest}?` : "see the options below"}`);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const contentDir = path.resolve(values.content ?? (process.env.SITE_CONTENT || path.join(generatorRoot, "content")));
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    stop(`there is no content folder at ${contentDir} — give --content (or SITE_CONTENT) the folder that holds the site's Markdown pages`);
  }
  return {
    contentDir,
    outputDir: path.resolve(values.output ?? path.join(generatorRoot, "_site")),
    pathPrefix: values["path-prefix"] ?? process.env.PATH_PREFIX,
    external: values.external ?? false,
    strict: values.strict ?? false,
    since: values.since,
  };
}
