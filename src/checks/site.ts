import path from "node:path";
import { displayPath, problem, type Problem } from "../problems/problems.ts";
import { mayBeHidden } from "../problems/hidden-characters.ts";
import type { SiteData } from "../schema/data.ts";
import { outputFileOf } from "../model/addresses.ts";
import type { PublishedFile } from "../model/site.ts";
import { slugify } from "../model/slug.ts";
import { maxAddress } from "../schema/patterns.ts";
import { didYouMean } from "../problems/suggest.ts";
import { parseYaml } from "../model/yaml-source.ts";
import { fieldLine, type PageText } from "./page-source.ts";
import type { SiteIndex } from "./site-index.ts";

/**
 * What only shows across pages: two pages at one address, two pages with one title in one language (a page and its
 * translation may share a name), and drafts.
 */
export function checkPagesTogether(pages: readonly PageText[], languageOf: (file: string) => string = () => ""): Problem[] {
  const problems: Problem[] = [];
  const byUrl = new Map<string, PageText>();
  const byTitle = new Map<string, PageText>();
  for (const page of pages) {
    if (page.data?.draft) {
      problems.push(problem(page.file, fieldLine(page, "draft"), "this page is a draft: it is left out of the site, its menus, sitemap and search", "remove draft: true when it is ready to publish", "note"));
      continue;
    }
    const sameUrl = byUrl.get(page.url);
    if (sameUrl) {
      problems.push(problem(page.file, page.data?.permalink ? fieldLine(page, "permalink") : 1, `this page and ${displayPath(sameUrl.file)} would both be published at ${page.url}`, "give one of them another file name or permalink"));
    } else byUrl.set(page.url, page);
    const title = page.data?.title;
    if (!title) continue;
    const titleKey = `${languageOf(page.file)} ${title.toLowerCase()}`;
    const sameTitle = byTitle.get(titleKey);
    if (sameTitle) {
      problems.push(problem(page.file, fieldLine(page, "title"), `this page has the same title as ${displayPath(sameTitle.file)} ("${title}")`, "give each page its own title so readers can tell them apart in search and menus", "warning"));
    } else byTitle.set(titleKey, page);
  }
  return problems;
}

/** What a page's and an image's file and folder names may hold: "@" names an image for sharper screens (logo@2x.png). */
const nameRules = {
  page: { unsafeCharacter: /[^A-Za-z0-9._-]/, allowed: "letters, digits, hyphens, underscores and dots" },
  image: { unsafeCharacter: /[^A-Za-z0-9._@-]/, allowed: "letters, digits, hyphens, underscores, @ and dots" },
  // Any name a person can read and type; not a line break, a control or a character nobody can see.
  permalinkPage: { unsafeCharacter: new RegExp(`${mayBeHidden.source}|[\\n\\r\\u2028\\u2029]`, "u"), allowed: "those everyone can see" },
};

/**
 * A page's or an image's address comes from its file and folder names: a space or a character other than letters,
 * digits, hyphens, underscores and dots (and "@" in an image's, as in logo@2x.png) makes an address that is hard
 * to type, link to and share (and with "#", "?" or "%" in it, one no browser can ask for), and capitals one that
 * breaks when typed in lower case on most hosts.
 */
export function checkFileNames(contentDir: string, pages: readonly PageText[], languageFolders: ReadonlySet<string> = new Set(), images: readonly PublishedFile[] = []): Problem[] {
  const named = [
    ...pages
      .filter((page) => !page.data?.draft)
      .map((page) => {
        const all = path.relative(contentDir, page.file).replace(/\.md$/, "").split(path.sep);
        // A language's folder is named by its tag, as browsers write it: es-MX.
        const names = all.length > 1 && languageFolders.has(all[0]!) ? all.slice(1) : all;
        // A permalink gives the address; the file's name, in the edit link (percent-encoded), is for editors to read.
        const permalink = Boolean(page.data?.permalink);
        return { file: page.file, url: page.url, what: "page", names, extension: ".md", ...(permalink ? nameRules.permalinkPage : nameRules.page), permalink };
      }),
    ...images.map((image) => {
      const all = path.relative(contentDir, image.file).split(path.sep);
      const extension = path.extname(all.at(-1)!);
      return { file: image.file, url: image.url, what: "image", names: [...all.slice(0, -1), all.at(-1)!.slice(0, -extension.length)], extension, ...nameRules.image, permalink: false };
    }),
  ];
  const problems: Problem[] = [];
  // Each name fits the file system, but folders together can make an address no sitemap takes, and a path the site
  // cannot be written to (a permalink has the same limit in the schema).
  for (const { file, url, what, permalink } of named) {
    if (!permalink && url.length > maxAddress) problems.push(problem(file, 1, `the ${what}'s address, made of its folders' and file's names, is ${url.length.toLocaleString("en")} characters long, more than the ${maxAddress.toLocaleString("en")} an address may have`, "shorten the names of its folders, or of the file"));
  }
  for (const { file, url, what, names, extension, unsafeCharacter, allowed, permalink } of named) {
    const unsafe = names.find((name) => unsafeCharacter.test(name));
    const capitals = permalink ? undefined : (names.find((name) => /[A-Z]/.test(name)) ?? (/[A-Z]/.test(extension) ? names.at(-1) : undefined));
    const name = unsafe ?? capitals;
    if (name === undefined) continue;
    const kind = name === names.at(-1) ? "file" : "folder";
    const why = unsafe ? (/\s/.test(unsafe) && !permalink ? "has a space in it" : `has characters other than ${allowed}`) : "has capital letters";
    const consequence = permalink ? "so no editor can tell what the file is called" : `so the ${what}'s address would be ${url}`;
    const [written, renamed] = kind === "file" ? [`${name}${extension}`, `${slugify(name)}${extension.toLowerCase()}`] : [name, slugify(name)];
    problems.push(problem(file, 1, `the ${kind} name "${written}" ${why}, ${consequence}`, `rename the ${kind} "${renamed}"`, unsafe ? "error" : "warning"));
  }
  return problems;
}

/** A page may not take an address the generator publishes itself (the search page, the catalog). */
export function checkReservedUrls(pages: readonly PageText[], reserved: readonly string[]): Problem[] {
  const taken = new Set(reserved);
  return pages
    .filter((page) => !page.data?.draft && taken.has(page.url))
    .map((page) =>
      problem(page.file, page.data?.permalink ? fieldLine(page, "permalink") : 1, `this page would be published at ${page.url}, which the site already uses for a page it makes itself`, "rename the file, or give the page another permalink"),
    );
}

/** The menus' links go to pages that exist. */
export function checkNavigation(file: string, text: string, navigation: SiteData["navigation"], index: SiteIndex): Problem[] {
  const source = parseYaml(text);
  const problems: Problem[] = [];
  for (const menu of ["primary", "footer"] as const) {
    navigation[menu].forEach((item, i) => {
      if (index.page(item.url)) return;
      const { line, column } = source.position([menu, i, "url"]);
      const guess = didYouMean(item.url, index.urls());
      problems.push(problem(file, line, `the menu item "${item.text}" goes to ${item.url}, which is not a page of the site`, guess ? `did you mean "${guess}"?` : "correct the address, or create the page", "error", column));
    });
  }
  return problems;
}

/**
 * A file's name as a disk that ignores capitals compares it: each letter folded as Unicode folds it alone (ſ is s,
 * ς is σ, the micro sign µ is μ; ß stays ß, not ss), and a letter written two ways (ñ, or n and a combining ~) as
 * one, as macOS reads it.
 */
const asOneFile = (file: string) =>
  Array.from(file.normalize("NFC"), (letter) => {
    const capital = letter.toUpperCase();
    return [...capital].length === 1 ? capital.toLowerCase() : letter.toLowerCase();
  }).join("");

/** Something the site writes to a file: a page, an old address, an image or a file the generator makes. */
interface Written {
  url: string;
  /** Where to report a clash, or undefined for what the generator makes itself (which always wins). */
  at?: { file: string; line: number };
  /** For an old address, the page it sends readers to. */
  redirectsTo?: string;
}

/**
 * Every address is written to a file of the output folder: two different addresses that land on one file
 * (`/contact/` and `/contact/index.html`), or an address that needs a folder where another is a file, or a page
 * inside a folder the generator fills (`/pagefind/`), would make the build fail or overwrite another's file. Files
 * are told apart as Windows, macOS and some hosts tell them, ignoring capitals: there `/Search/` is `/search/`.
 * An old address may differ from its own page's only in capitals (`/About/` for `/about/`): hosts that tell
 * capitals apart (GitHub Pages) serve its redirect, and the others the page itself.
 */
export function checkOutputFiles(written: readonly Written[], generatedFolders: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const report = (entry: Written, message: string, fix: string) => entry.at && problems.push(problem(entry.at.file, entry.at.line, message, fix));
  // Files as written, and as they are where capitals are not told apart.
  const byExactFile = new Map<string, Written>();
  const byFile = new Map<string, Written>();
  const clash = (entry: Written, first: Written, byCase: string) =>
    report(entry, `${entry.url} would be written to the same file as ${first.url}${byCase}`, `use ${first.url} only, or choose another address`);
  for (const entry of written) {
    const foldedUrl = asOneFile(entry.url);
    const folder = generatedFolders.find((prefix) => foldedUrl.startsWith(prefix));
    if (entry.at && folder) {
      report(entry, `${entry.url} is inside ${folder}${entry.url.startsWith(folder) ? "" : " (where capitals are not told apart)"}, which the site fills with files of its own`, "choose another address");
      continue;
    }
    const file = outputFileOf(entry.url);
    const same = byExactFile.get(file);
    if (same && same.url !== entry.url) {
      clash(entry, same, "");
      continue;
    }
    byExactFile.set(file, entry);
    const folded = asOneFile(file);
    const first = byFile.get(folded);
    // An old address that is its own page's but for capitals is one file where they are not told apart: the page.
    const pageFile = entry.redirectsTo === undefined ? undefined : outputFileOf(entry.redirectsTo);
    const ownPage = pageFile !== undefined && asOneFile(pageFile) === folded;
    if (first && first.url !== entry.url && !ownPage) {
      const sameLetters = outputFileOf(first.url).normalize("NFC") === file.normalize("NFC");
      clash(entry, first, sameLetters ? " on macOS, which reads a letter written two ways (ñ, or n and a combining ~) as one" : " where capitals are not told apart (Windows, macOS, some hosts)");
    } else if (!first) byFile.set(folded, entry);
  }
  for (const [file, entry] of byFile) {
    const parts = file.split("/");
    for (let i = 1; i < parts.length; i++) {
      const folder = byFile.get(parts.slice(0, i).join("/"));
      if (folder) report(entry, `${entry.url} needs a folder where the site has the file ${folder.url}`, "choose another address");
    }
  }
  return problems;
}
