import { problem, type Problem } from "../problems/problems.ts";

export interface ExternalLink {
  url: string;
  file: string;
  line: number;
  column?: number;
}

export interface ExternalCheckOptions {
  /** How long to wait for each site. */
  timeoutMs?: number;
  /** How many sites to ask at once, to be polite to them and to the network. */
  concurrency?: number;
}

async function status(url: string, timeoutMs: number): Promise<number | string> {
  try {
    const head = await fetch(url, { method: "HEAD", redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
    if (head.status !== 405 && head.status !== 501 && head.status !== 403) return head.status;
    const get = await fetch(url, { method: "GET", redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
    await get.body?.cancel();
    return get.status;
  } catch (error) {
    return error instanceof Error && error.name === "TimeoutError" ? "no answer in time" : "could not be reached";
  }
}

/** Asks each external address once (the first place it is linked from is named) and reports dead ones as warnings. */
export async function checkExternalLinks(links: readonly ExternalLink[], options: ExternalCheckOptions = {}): Promise<Problem[]> {
  const { timeoutMs = 10_000, concurrency = 4 } = options;
  const firstUse = new Map<string, ExternalLink>();
  for (const link of links) if (!firstUse.has(link.url)) firstUse.set(link.url, link);
  const queue = [...firstUse.values()];
  const problems: Problem[] = [];
  const worker = async () => {
    for (let link = queue.shift(); link; link = queue.shift()) {
      const result = await status(link.url, timeoutMs);
      if (typeof result === "number" && result < 400) continue;
      const why = typeof result === "number" ? `it answered ${result}` : `it ${result}`;
      problems.push(problem(link.file, link.line, `the link to ${link.url} seems broken: ${why}`, "open it in a browser; update the address or remove the link", "warning", link.column));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
