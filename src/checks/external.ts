import dns from "node:dns/promises";
import { hostOf, isPrivateAddress, privateHost } from "../schema/private-addresses.ts";
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

/** How many times one link may send the check on to another address. */
const maxRedirects = 5;

/**
 * What an address answers, asked as a reader's browser would: HEAD, or GET where a site refuses HEAD. Redirects are
 * followed one at a time, and no request goes to a name that leads to the maintainer's own computer or network, so
 * a pull request's links cannot have the check probe it. (A name that resolves one way here and another when asked
 * is not caught: the check is run by hand, on links a maintainer has read.)
 */
async function status(url: string, timeoutMs: number): Promise<number | { broken: string } | { notAsked: string }> {
  let address = new URL(url);
  for (let hops = 0; hops <= maxRedirects; hops++) {
    const named = privateHost(address);
    const found = named ? [] : await dns.lookup(hostOf(address), { all: true }).catch(() => []);
    const inside = named ?? found.find((entry) => isPrivateAddress(entry.address))?.address;
    if (inside) return { notAsked: hops === 0 ? `it leads to a computer on this network (${inside})` : `it sends readers on to ${address.href}, on a computer of this network (${inside})` };
    if (found.length === 0) return { broken: "could not be reached" };
    try {
      let response = await fetch(address.href, { method: "HEAD", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
      if (response.status === 405 || response.status === 501 || response.status === 403) {
        response = await fetch(address.href, { method: "GET", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
        await response.body?.cancel();
      }
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return response.status;
      address = new URL(location, address);
      if (address.protocol !== "http:" && address.protocol !== "https:") return { broken: `sends readers on to a ${address.protocol} address` };
    } catch (error) {
      return { broken: error instanceof Error && error.name === "TimeoutError" ? "no answer in time" : "could not be reached" };
    }
  }
  return { broken: `sends readers on more than ${maxRedirects} times` };
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
      if (typeof result === "object" && "notAsked" in result) {
        problems.push(problem(link.file, link.line, `the link to ${link.url} was not asked: ${result.notAsked}, which readers elsewhere cannot reach`, "check that it is the address the public uses, or remove the link", "warning", link.column));
        continue;
      }
      const why = typeof result === "number" ? `it answered ${result}` : `it ${result.broken}`;
      problems.push(problem(link.file, link.line, `the link to ${link.url} seems broken: ${why}`, "open it in a browser; update the address or remove the link", "warning", link.column));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}
