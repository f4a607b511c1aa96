import { readFileSync, statSync } from "node:fs";
import { fileErrorOf, whyUnreadable } from "../problems/file-error.ts";
import { printable } from "../problems/problems.ts";
import { megabytes } from "./files.ts";

/**
 * What a command was pointed at (a file, or a web address): its bytes, or why they could not be had and what to do
 * about it, in plain words.
 */
export type SourceRead = { bytes: Uint8Array; failure?: undefined; fix?: undefined } | { bytes?: undefined; failure: string; fix: string };

export const isWebAddress = (source: string) => /^https?:\/\//i.test(source);

/** What to do when a download fails for reasons of the network or the server: a saved copy does not depend on them. */
const useACopy = "or download the file and give its name instead";

/**
 * Reads a file or downloads a web address, of at most `limitBytes`, giving a reason a person can act on instead of
 * an error's name. The address, and what a server says, are printed as `printable` writes them.
 */
export async function readSource(source: string, limitBytes: number, timeoutSeconds = 30): Promise<SourceRead> {
  const shown = printable(source);
  const tooLarge = { failure: `${shown} is larger than ${megabytes(limitBytes)}, more than such a file can be`, fix: "check that it is the file you meant, and not another saved in its place" };
  if (!isWebAddress(source)) {
    try {
      return statSync(source).size > limitBytes ? tooLarge : { bytes: readFileSync(source) };
    } catch (error) {
      const code = fileErrorOf(error)?.code;
      return { failure: whyUnreadable(source, code), fix: code === "EISDIR" ? "name the file itself, in the folder" : code === "EACCES" || code === "EPERM" ? "check a copy of the file that this account may read" : "check the file's name, and the folder the command is typed in" };
    }
  }
  const timedOut = (error: unknown) => error instanceof Error && error.name === "TimeoutError";
  // One deadline for the answer and the body, on a timer that keeps the process alive: a body fetch loses (one not
  // the gzip its server says) settles nothing, and the command, left waiting on nothing, would end with no word at all.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException("timed out", "TimeoutError")), timeoutSeconds * 1000);
  const { signal } = deadline;
  try {
    let response: Response;
    try {
      response = await fetch(source, { signal });
    } catch (error) {
      return timedOut(error) ? { failure: `${shown} did not answer within ${timeoutSeconds} seconds`, fix: `try again later, ${useACopy}` } : { failure: `${shown} ${whyUnreached(error)}`, fix: `check the address and the connection, ${useACopy}` };
    }
    if (!response.ok) return { failure: `${shown} answered ${response.status}${response.statusText ? ` ${printable(response.statusText)}` : ""} instead of the file`, fix: whatToDoAfter(response.status) };
    try {
      const whenTimedOut = new Promise<never>((_, reject) => (signal.aborted ? reject(signal.reason) : signal.addEventListener("abort", () => reject(signal.reason), { once: true })));
      const bytes = await Promise.race([bodyWithin(response, limitBytes), whenTimedOut]);
      return bytes ? { bytes } : tooLarge;
    } catch (error) {
      return { failure: timedOut(error) ? `${shown} did not send the whole file within ${timeoutSeconds} seconds` : `${shown} stopped sending the file before its end`, fix: `try again later, ${useACopy}` };
    }
  } finally {
    clearTimeout(timer);
  }
}

/** What to do when a server answers with an error instead of the file, by its status. */
function whatToDoAfter(status: number): string {
  if (status === 401 || status === 403) return "the file is not public: download it where you may see it, and give the downloaded file's name";
  if (status === 429 || status >= 500) return `the server could not send it now: try again later, ${useACopy}`;
  return "check the address: open it in a browser, where the file itself should show";
}

/** Why fetch could not get an answer, from what it says in `cause` (its own message is only "fetch failed"). */
function whyUnreached(error: unknown): string {
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  if (cause?.code === "ERR_INVALID_URL") return "is not a valid web address";
  if (cause?.message === "redirect count exceeded") return "sends on to another address again and again, and never to the file";
  if (cause?.message?.includes("scheme must be a HTTP(S) scheme")) return "sends on to an address that is not a web address";
  return "could not be reached";
}

/** A response's body, or undefined (and the download stopped) once it is larger than `limitBytes`. */
async function bodyWithin(response: Response, limitBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > limitBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
