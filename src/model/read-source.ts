import { readFileSync } from "node:fs";

/** What a command was pointed at (a file, or a web address): its bytes, or why they could not be had, in plain words. */
export type SourceRead = { bytes: Uint8Array; failure?: undefined } | { bytes?: undefined; failure: string };

const isWebAddress = (source: string) => /^https?:\/\//i.test(source);

/** Reads a file or downloads a web address, giving a reason a person can act on instead of an error's name. */
export async function readSource(source: string, timeoutSeconds = 30): Promise<SourceRead> {
  if (!isWebAddress(source)) {
    try {
      return { bytes: readFileSync(source) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { failure: code === "ENOENT" ? `there is no file at ${source}` : code === "EISDIR" ? `${source} is a folder, not a file` : `${source} cannot be opened` };
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
