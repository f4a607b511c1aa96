import { readFileSync } from "node:fs";
import { fileErrorOf, whyUnreadable } from "../problems/file-error.ts";

/** What a command was pointed at (a file, or a web address): its bytes, or why they could not be had, in plain words. */
export type SourceRead = { bytes: Uint8Array; failure?: undefined } | { bytes?: undefined; failure: string };

const isWebAddress = (source: string) => /^https?:\/\//i.test(source);

/** Reads a file or downloads a web address, giving a reason a person can act on instead of an error's name. */
export async function readSource(source: string, timeoutSeconds = 30): Promise<SourceRead> {
  if (!isWebAddress(source)) {
    try {
      return { bytes: readFileSync(source) };
    } catch (error) {
      return { failure: whyUnreadable(source, fileErrorOf(error)?.code) };
    }
  }
  let response: Response;
  try {
    response = await fetch(source, { signal: AbortSignal.timeout(timeoutSeconds * 1000) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return { failure: timedOut ? `${source} did not answer within ${timeoutSeconds} seconds` : `${source} could not be reached` };
  }
  if (!response.ok) return { failure: `${source} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""} instead of the file` };
  return { bytes: new Uint8Array(await response.arrayBuffer()) };
}
