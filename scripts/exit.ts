/**
 * Ends a command with `code` once everything it printed has been written. Writes to a pipe (a CI log,
 * `| less`) are asynchronous, and process.exit() alone drops what the reader has not taken yet: a check with
 * 10,000 problems printed 320 of them, and not the count or "Nothing was published".
 */
export async function exitWhenWritten(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write("", () => resolve()))));
  process.exit(code);
}
