import { displayPath, problem, type Problem } from "../problems/problems.ts";
import { oldAddress } from "../schema/page.ts";
import { isNotFoundPage } from "../schema/patterns.ts";
import type { PageText } from "./page-source.ts";
import { sourceForm } from "./references.ts";
import type { SiteIndex } from "./site-index.ts";

/** Whether redirect_from would keep an address. */
const canBeKept = (address: string) => oldAddress.safeParse(address).success && !isNotFoundPage(address);

/** Old addresses must not be a page's address now, nor be claimed by two pages; `oldAddressLines` holds each page's entries' lines. */
export function checkRedirects(pages: readonly PageText[], index: SiteIndex, oldAddressLines: ReadonlyMap<string, readonly number[]>): Problem[] {
  const problems: Problem[] = [];
  const claimed = new Map<string, PageText>();
  for (const page of pages) {
    if (!page.data || page.data.draft) continue;
    for (const [i, from] of (page.data.redirect_from ?? []).entries()) {
      const line = oldAddressLines.get(page.file)?.[i] ?? 1;
      const owner = index.page(from);
      if (isNotFoundPage(from)) {
        // Moving the site's 404 page away would not free its address: what readers see there is changed in place.
        const notFoundFile = (owner ?? index.page(from.toLowerCase()))?.file;
        const draft = pages.find((other) => other.data?.draft && other.url === from.toLowerCase());
        const remedy = notFoundFile ? `edit ${displayPath(notFoundFile)}` : draft ? `publish ${displayPath(draft.file)} (remove its draft: true)` : `write a page with permalink: ${from.toLowerCase()}`;
        const change = notFoundFile === page.file ? "" : `; to change what readers see there, ${remedy}`;
        problems.push(problem(page.file, line, `${from} cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here`, `remove it from redirect_from${change}`));
      } else if (owner) {
        problems.push(problem(page.file, line, `${from} cannot redirect here: it is the address of ${owner.file ? displayPath(owner.file) : "a page the site makes itself"}`, "remove it from redirect_from, or move that page first"));
      } else if (claimed.has(from)) {
        problems.push(problem(page.file, line, `${from} already redirects to ${displayPath(claimed.get(from)!.file)}`, "an old address can send readers to one page only: remove it from one of them"));
      } else claimed.set(from, page);
    }
  }
  return problems;
}

/** What a previous build published, read from its sitemap.xml or address list, and what in it is no address. */
interface PreviousAddresses {
  addresses: { path: string; line: number }[];
  /** Why the whole file is no such list, when it is not. */
  notAList?: string;
  /** The lines of a list that are not addresses. */
  strayLines: { text: string; line: number }[];
}

/** What the file is instead of a sitemap or a list of addresses, when it plainly is something else. */
function otherKind(text: string): string | undefined {
  if (text.includes("\u0000")) return "it is not plain text: a compressed file (sitemap.xml.gz), a file saved as UTF-16, or another kind of file";
  if (/<sitemapindex[\s>]/i.test(text)) return "it is a sitemap index, which lists other sitemaps rather than pages";
  if (/^\uFEFF?\s*<(!doctype\s+html|html)[\s>]/i.test(text)) return "it is a web page, not a sitemap";
  return undefined;
}

/** A line of an address list as the address it names: a path from the site's root, or a whole web address. */
function listedPath(line: string): string | undefined {
  if (!/^(\/|https?:\/\/)/i.test(line) || !URL.canParse(line, "https://site.invalid")) return undefined;
  return sourceForm(new URL(line, "https://site.invalid").pathname);
}

/** The addresses a previous build published: a sitemap.xml's <loc>s, or a list with one address a line. */
export function previousAddresses(text: string): PreviousAddresses {
  const notAList = otherKind(text);
  if (notAList) return { addresses: [], notAList, strayLines: [] };
  const addresses: PreviousAddresses["addresses"] = [];
  const strayLines: PreviousAddresses["strayLines"] = [];
  const sitemap = text.includes("<loc>");
  text.split("\n").forEach((written, i) => {
    const line = written.trim();
    if (sitemap) {
      for (const [, loc] of line.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)) {
        const path = listedPath(loc!);
        if (path) addresses.push({ path, line: i + 1 });
        else strayLines.push({ text: loc!, line: i + 1 });
      }
      return;
    }
    if (!line || line.startsWith("#")) return;
    const path = listedPath(line);
    if (path) addresses.push({ path, line: i + 1 });
    else strayLines.push({ text: line, line: i + 1 });
  });
  // A file with no address in it at all is some other text (a README, a page saved as text), not a list gone wrong.
  if (addresses.length === 0) return { addresses, notAList: "it holds no address: it is neither a sitemap (with <loc> lines) nor a list of one address a line", strayLines: [] };
  return { addresses, strayLines };
}

/**
 * Every address a previous build published still leads somewhere: to a page, or through a redirect_from.
 * `file` names the list in messages; `pathPrefix` is taken off its addresses.
 */
export function checkSince(file: string, text: string, index: SiteIndex, pathPrefix: string): Problem[] {
  const prefix = pathPrefix.replace(/\/$/, "");
  const { addresses, notAList, strayLines } = previousAddresses(text);
  // Comparing against nothing would pass in silence.
  if (notAList) return [problem(file, 1, `the previous site's list cannot be read: ${notAList}`, "give the sitemap.xml that lists the site's pages, such as https://code.ca.gov/sitemap.xml, or a saved copy of it")];
  const stray = strayLines.map(({ text: written, line }) =>
    problem(file, line, `"${written.slice(0, 80)}" is not an address`, "write one address a line, from the site's root or whole, such as /about/ or https://code.ca.gov/about/"),
  );
  return stray.concat(addresses.flatMap(({ path, line }) => {
    const address = prefix && path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
    if (index.page(address) || index.hasFile(address) || index.movedTo(address)) return [];
    // A page's address without its last slash (/gone, not /report.pdf) is kept by the old address with it.
    const keptAs = [address, ...(/\/[^/.]+$/.test(address) ? [`${address}/`] : [])].find(canBeKept);
    // A file (/report.pdf), or an address redirect_from does not take (one holding a %): told, as no redirect can keep it.
    if (!keptAs) {
      return [problem(file, line, `the address ${address} was published before and is gone now, and redirect_from cannot keep an address like it`, "if it should still work, put back the file or page that was there", "warning")];
    }
    return [problem(file, line, `the address ${address} was published before and is gone now`, `add ${keptAs === address ? "it" : keptAs} to the redirect_from of the page that replaces it, so links to it keep working`)];
  }));
}
