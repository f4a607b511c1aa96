import { realpathSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { fileErrorOf, wordsOf } from "../src/problems/file-error.ts";

/** Where a command prints: what it did to `out`, problems to `err`. Tests collect them. */
export interface Printer {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const consolePrinter: Printer = { out: console.log, err: console.error };

/**
 * Ends a command with `code` once everything it printed has been written. Writes to a pipe (a CI log,
 * `| less`) are asynchronous, and process.exit() alone drops what the reader has not taken yet: a check with
 * 10,000 problems printed 320 of them, and not the count or "Nothing was published".
 */
export async function exitWhenWritten(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write("", () => resolve()))));
  process.exit(code);
}

/**
 * Ends a command on a file it could not read, in plain words: one moved or removed while the site was read, as an
 * editor may do while a command runs. Any other error is the program's own, and thrown on.
 */
export function endOnFileError(print: Printer): (error: unknown) => number {
  return (error) => {
    const failed = fileErrorOf(error);
    if (!failed) throw error;
    const fix = failed.code === "ENOENT" ? "a file may have been moved or removed while the site was being read: run the command again" : "check that it is a file this account can read, then run the command again";
    print.err(`error: ${wordsOf(error, process.cwd())} — ${fix}`);
    return 1;
  };
}

/** Runs a script's command when the script is the program started (`tsx scripts/check.ts`), not when it is imported. */
export async function runAsProgram(moduleUrl: string, command: (args: string[], print: Printer) => Promise<number>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(realpathSync(process.argv[1])).href) return;
  await exitWhenWritten(await command(process.argv.slice(2), consolePrinter).catch(endOnFileError(consolePrinter)));
}
