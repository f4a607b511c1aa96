import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { generatorRoot, isSafePrefix } from "../src/options.ts";
import { changedLines } from "../src/model/git.ts";
import { isWebAddress } from "../src/model/read-source.ts";
import { siteDayMistake } from "../src/model/review.ts";
import { displayPath, printable } from "../src/problems/problems.ts";
import type { ChangedLines } from "../src/problems/report.ts";
import { isWithin, outputDirProblem } from "../src/publish/output.ts";
import { didYouMean } from "../src/problems/suggest.ts";

const usage = `Options (after --, as in: npm run build -- --content ../our-site):
  --content DIR        the folder of Markdown pages (default: content/, or SITE_CONTENT)
  --output DIR         where the site is written (default: _site/)
  --path-prefix /repo/ the folder the site is published under (or PATH_PREFIX)
  --external           also request every external link once (needs the network)
  --strict             pages overdue for review fail the check
  --since FILE|URL     a previous build's sitemap.xml or address list: each of its addresses must still lead somewhere
  --timings            print how long each step took
  --all                print every warning and note in full, not only those of the files your change touches
  --changed-since REF  the branch your change is compared with (default: main, or the pull request's base)
  --host ADDRESS       npm start: the address to serve on (default: 127.0.0.1, this computer only)
  --help               print this`;

/** Stops a command with a message saying what to do, instead of a stack trace; what was typed in it, printable. */
export function stop(message: string, usage: string): never {
  console.error(`error: ${printable(message)}\n\n${usage}`);
  process.exit(2);
}

/** Reads a command's arguments; a mistake stops it with what is wrong, the nearest option and the usage. */
export function parseCommand<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    stop(argumentMistake((error as Error).message, Object.keys(config.options ?? {})), usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  // Without -- after the command, npm keeps the options for itself (as npm_config_content) and passes their values on as words.
  const takenByNpm = startedByNpm() && Object.keys(config.options ?? {}).find((name) => name !== "help" && process.env[`npm_config_${name.replace(/-/g, "_")}`] !== undefined);
  if (takenByNpm) {
    const command = process.env.npm_lifecycle_event ?? "build";
    stop(`--${takenByNpm} went to npm, not to the command: npm keeps for itself the options written before a -- — write -- before them, as in npm run ${command} -- --${takenByNpm} …`, usage);
  }
  // An unset variable in a script (--since "$OLD") gives an option nothing, which no option means.
  const empty = Object.entries(parsed.values).find(([, value]) => value === "");
  if (empty) stop(`--${empty[0]} is given an empty value — write the value after it, or leave the option out`, usage);
  return parsed;
}

/** Node's words for a mistake on the command line ("argument missing", "positional arguments") as an editor would say it. */
export function argumentMistake(message: string, options: readonly string[], command = process.env.npm_lifecycle_event ?? "new"): string {
  const missing = /^Option '(?:-\w, )?--([^ ']+) <value>' argument missing/.exec(message)?.[1];
  if (missing) return `--${missing} is given no value — write the value after it, as the list below shows`;
  const ambiguous = /^Option '(?:-\w, )?--([^ ']+)' argument is ambiguous/.exec(message)?.[1];
  if (ambiguous) return `--${ambiguous} is given no value: another option follows it — write the value after it; a value that starts with "-" as --${ambiguous}=VALUE`;
  const stray = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
  if (stray !== undefined) {
    const nearest = didYouMean(stray.replace(/^-+/, ""), options);
    return `"${stray}" is not an option: options start with -- — ${nearest ? `did you mean --${nearest}?` : "see how to use the command below"}`;
  }
  // A word that starts with "-", such as a title ("-1 degrees"), is read as an option unless a second -- comes before it.
  const dashedWord = /To specify a positional argument starting with a '-'/.test(message) && /^Unknown option '(-[^-'][^']*)'/.exec(message)?.[1];
  if (dashedWord) return `${dashedWord}… is read as an option, as it starts with - — to give a word that starts with -, write a second -- before it, after any options: npm run ${command} -- [options] -- "${dashedWord}…"`;
  const unknown = /^Unknown option '(-[^']*)'/.exec(message)?.[1];
  const nearest = unknown && didYouMean(unknown.replace(/^-+/, ""), options);
  const advice = nearest ? `did you mean --${nearest}?` : "see how to use the command below";
  // Node's own advice on positionals ("place it … after '--'") would only confuse here.
  return unknown ? `${unknown} is not an option of this command — ${advice}` : `${message.replace(/\. To specify a positional.*$/s, "")} — ${advice}`;
}

/**
 * The folder the command was typed in, which the paths given to it are read from. npm runs a script from the
 * project's folder and keeps the one typed in as INIT_CWD: that is taken only for the script npm itself started,
 * not for one a test, or another script, started inside an npm run.
 */
export function typedInFolder(): string {
  return (startedByNpm() && process.env.INIT_CWD) || process.cwd();
}

/** Whether npm started this script itself: its environment then speaks of what was typed (INIT_CWD, npm_config_*). */
function startedByNpm(): boolean {
  const script = process.argv[1] && path.relative(generatorRoot, path.resolve(process.argv[1])).split(path.sep).join("/");
  return Boolean(script && process.env.npm_lifecycle_script?.includes(script));
}

/** A path given to a command, read from the folder the command was typed in; a web address is left as it is, and a file: address is its file. */
export function givenPath(given: string): string {
  if (isWebAddress(given)) return given;
  if (/^file:\/\/\//i.test(given)) {
    try {
      return fileURLToPath(given);
    } catch {
      // An address no file of this system can have (an escaped slash in it): read as written, and not found.
    }
  }
  return path.resolve(typedInFolder(), given);
}

/** The content folder a command works on: --content, else SITE_CONTENT, else the project's own. */
export function contentFolder(option: string | undefined, usage: string): string {
  const given = option ?? (process.env.SITE_CONTENT || undefined);
  const contentDir = given === undefined ? path.join(generatorRoot, "content") : givenPath(given);
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    const what = existsSync(contentDir) ? `${contentDir} is a file, not a folder` : `there is no content folder at ${contentDir}`;
    stop(`${what} — give --content (or SITE_CONTENT) the folder that holds the site's Markdown pages`, usage);
  }
  // Read as content, the generator's own code, tests and fixtures would be pages of the site; a link to a folder holding them too.
  if (isWithin(realpathSync(generatorRoot), realpathSync(contentDir))) stop(`${contentDir} holds the generator itself, not only the site's pages — give --content (or SITE_CONTENT) the folder that holds the site's Markdown pages, such as ${path.join(generatorRoot, "content")}`, usage);
  return contentDir;
}

/** What is wrong with a path prefix, with the prefix meant when a whole address was given (https://example.org/repo/ → /repo/). */
export function prefixMistake(prefix: string): string {
  const address = URL.canParse(prefix) && /^https?:$/.test(new URL(prefix).protocol) ? new URL(prefix) : undefined;
  const meant = address && isSafePrefix(address.pathname) ? address.pathname.replace(/\/?$/, "/") : undefined;
  if (meant) return `the path prefix is the folder the site is served under, not its whole address — give ${meant}, and the address itself as url in settings.yaml`;
  return `the path prefix "${prefix}" is not a folder name an address can carry — use letters, digits and hyphens, such as /code-site/`;
}

/** The options every command shares: which content folder, where the site goes, under which path prefix. */
export function commonArgs(args = process.argv.slice(2), { defaultOutput = path.join(generatorRoot, "_site"), writes = true } = {}) {
  const options = {
    content: { type: "string" },
    output: { type: "string" },
    "path-prefix": { type: "string" },
    external: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    since: { type: "string" },
    timings: { type: "boolean", default: false },
    host: { type: "string", default: "127.0.0.1" },
    all: { type: "boolean", default: false },
    "changed-since": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  } as const;
  const { values } = parseCommand({ args, options, allowPositionals: false }, usage);
  const contentDir = contentFolder(values.content, usage);
  const outputDir = values.output === undefined ? defaultOutput : givenPath(values.output);
  // A command that writes nothing (check) has no output folder to refuse.
  const refused = writes && outputDirProblem(outputDir, contentDir);
  if (refused) stop(`the site cannot be written there: ${refused} — give --output a new folder of its own, such as _site`, usage);
  const pathPrefix = values["path-prefix"] ?? (process.env.PATH_PREFIX || undefined);
  if (pathPrefix !== undefined && !isSafePrefix(pathPrefix)) stop(prefixMistake(pathPrefix), usage);
  // Passed to git, a value that starts with - would be read as one of its options (--fork-point), not as a branch.
  const base = values["changed-since"];
  if (base?.startsWith("-")) stop(`--changed-since is given "${base}", which starts with - and so is no branch's name — give the branch your change is compared with, such as main`, usage);
  const dayMistake = siteDayMistake(process.env.SITE_TODAY);
  if (dayMistake) stop(dayMistake, usage);
  let noted = false;
  // Where no main branch is (a clone of one branch), everything in full is what is meant; a branch asked for by name
  // is not, and is said once, not on every rebuild of the preview.
  const noteUnknownBase = (base: string) => {
    if (noted || values["changed-since"] === undefined) return;
    noted = true;
    console.error(`note: git knows no branch or commit "${printable(base)}" here to compare with, so every problem is shown in full — give --changed-since a branch git knows (git branch -a lists them)`);
  };
  return {
    contentDir,
    outputDir,
    pathPrefix,
    external: values.external ?? false,
    strict: values.strict ?? false,
    since: values.since === undefined ? undefined : givenPath(values.since),
    timings: values.timings ?? false,
    host: values.host ?? "127.0.0.1",
    /** What the change touches now, read from git each time it is asked (the preview asks on every rebuild). */
    focus: () => (values.all ? undefined : focusOn(contentDir, values["changed-since"] ?? (process.env.GITHUB_BASE_REF ? `origin/${process.env.GITHUB_BASE_REF}` : "main"), noteUnknownBase)),
    // Not an option for editors: how much HTML one search index part holds, so tests can build a small site in parts.
    searchPartBytes: Number(process.env.SEARCH_PART_BYTES) || undefined,
  };
}

/**
 * The content folder's files a change touches, as problems name them, with their changed lines; undefined (everything
 * in full) outside a git checkout, or when the change touches nothing in the content folder.
 */
function focusOn(contentDir: string, base: string, unknownBase: (base: string) => void): ChangedLines | undefined {
  const changed = changedLines(contentDir, base);
  if (!changed) unknownBase(base);
  const inContent = [...(changed ?? [])].filter(([file]) => file.startsWith(contentDir + path.sep));
  return inContent.length ? new Map(inContent.map(([file, lines]) => [displayPath(file), lines])) : undefined;
}
