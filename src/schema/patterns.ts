/**
 * The fields written to a pattern, each with what the schema says when a value does not match it and how to turn
 * what an editor wrote into a value that does, so the fix is an example made from their own words.
 */
export interface Pattern {
  regex: RegExp;
  message: string;
  suggest(value: string): string;
}

/**
 * The most characters between two slashes of an address a page or data file writes: each part is a folder's name
 * when the site is written, and a file system takes 255 at most. A blog's old addresses run to 200 (WordPress's).
 */
export const maxAddressPart = 200;

/**
 * The most characters of a whole address a page writes: sitemaps take addresses under 2,048 characters, and the
 * file it is written to must stay within the 4,096 a path may have, the output folder's own path included.
 */
export const maxAddress = 2000;

/** One part of an address, `maxAddressPart` characters at most; `first` is what its first character may be. */
const part = (characters: string, first = characters, most = maxAddressPart) => `${first}${characters}{0,${most - 1}}`;

/** An address part cut to `most` characters at most, with no hyphen left at its end. */
export const cutAddressPart = (part: string, most = maxAddressPart) => part.slice(0, most).replace(/-+$/, "");

/** Words as an address part: "Office Hours" → "office-hours". */
const asAddressPart = (text: string) =>
  cutAddressPart(
    text
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, ""),
  );
/** "office hours", "/About/Us" → "/office-hours/", "/about/us/". */
const asSitePath = (text: string) => `/${text.split("/").map(asAddressPart).filter(Boolean).map((part) => `${part}/`).join("")}`;
/** "/Old Page.html" → "/old-page.html", its last part cut to leave room for ".html". */
const asHtmlPath = (text: string) => {
  const parts = asSitePath(text.trim().replace(/\.html$/i, "")).split("/").filter(Boolean);
  return `/${[...parts.slice(0, -1), `${cutAddressPart(parts.at(-1) ?? "page", maxAddressPart - ".html".length)}.html`].join("/")}`;
};
const isHtml = (text: string) => /\.html$/i.test(text.trim());

/**
 * What an old address may hold beyond a-z: a letter or digit of any language, and the marks written on letters.
 * A site moved here may have had addresses in Spanish or Chinese (/es/año-nuevo/). No space, no sign that means
 * something in an address, nothing drawn like a slash, and nothing a reader cannot see (a direction mark, a
 * variation selector, a Hangul filler): an old address that looks like another would send readers elsewhere.
 */
const oldAddressCharacter = (others: string) => `(?:(?!\\p{Default_Ignorable_Code_Point})[\\p{L}\\p{M}\\p{N}${others}])`;
const unseen = /\p{Default_Ignorable_Code_Point}/gu;
const notInOldAddress = /[^\p{L}\p{M}\p{N}._~-]+/gu;

/** The UTF-8 bytes of a name, as a file system counts them: "año" is 4. */
const bytesOf = (text: string) => Buffer.byteLength(text, "utf8");

/** A name cut, between letters, to at most `most` bytes. */
const cutToBytes = (text: string, most: number) => {
  let bytes = 0;
  let cut = "";
  for (const letter of text) {
    bytes += bytesOf(letter);
    if (bytes > most) break;
    cut += letter;
  }
  return cut;
};

/**
 * What keeps an old address the pattern takes from being written as files: a part longer than a folder's name may
 * be (255 bytes), or the whole longer than a path may hold, once its letters beyond a-z are counted as they are
 * written (two to four bytes). An address refused already (by the pattern, or as too many characters) is told
 * that alone.
 */
export function oldAddressTooLong(address: string): "a part" | "the whole" | undefined {
  const bytes = bytesOf(address);
  if (bytes === address.length || address.length > maxAddress || !patterns.oldAddress.regex.test(address)) return undefined;
  if (address.split("/").some((part) => bytesOf(part) > maxAddressPart)) return "a part";
  return bytes > maxAddress ? "the whole" : undefined;
}

/** Percent escapes written out (/a%C3%B1o/ → /año/), as the address reads; an address with a broken one as it is. */
export const decodedAddress = (text: string): string => {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
};

/** The path of an address pasted whole (https://code.ca.gov/about/?page=2#top → /about/), as it reads. */
const pathOf = (text: string) => decodedAddress(URL.canParse(text, "https://site.invalid/") ? new URL(text, "https://site.invalid/").pathname : text);

/** A folder's 404.html, which hosts show for every address they cannot find there: never an old address. */
export const isNotFoundPage = (address: string) => /(^|\/)404\.html$/i.test(address);

/** "/Old Page/", "https://old.example/a%C3%B1o.html" → "/Old-Page/", "/año.html": letters kept as written, capitals too. */
const asOldAddress = (text: string) => {
  const address = pathOf(text.trim()).replace(unseen, "");
  const html = isHtml(address);
  const parts = address
    .replace(/\.html$/i, "")
    .split("/")
    // Cut before the hyphens at its end are taken off: a part of a million hyphens is read once.
    .map((part, i, all) => cutToBytes(part.replace(notInOldAddress, "-").replace(/^[._-]+/, ""), html && i === all.length - 1 ? maxAddressPart - ".html".length : maxAddressPart).replace(/-+$/, ""))
    .filter(Boolean);
  // As many parts as fit in an address's bytes, each with the slash after it (or .html after the last).
  let bytes = html ? ".html".length : 1;
  const firstTooFar = parts.findIndex((part) => (bytes += bytesOf(part) + 1) > maxAddress);
  if (firstTooFar >= 0) parts.length = firstTooFar;
  if (html) return `/${[...parts.slice(0, -1), `${parts.at(-1) || "old-page"}.html`].join("/")}`;
  return parts.length ? `/${parts.map((part) => `${part}/`).join("")}` : "/old-page/";
};

export const patterns = {
  sitePath: { regex: new RegExp(`^/(${part("[a-z0-9-]")}/)*$`), message: `must be a path on the site such as /about/, at most ${maxAddressPart} characters between slashes`, suggest: (value) => `write it as ${asSitePath(value)}` },
  permalink: {
    regex: new RegExp(`^/(${part("[a-z0-9-]")}/)*(${part("[a-z0-9-]", undefined, maxAddressPart - ".html".length)}\\.html)?$`),
    message: `must look like /some-page/ or /page.html, at most ${maxAddressPart} characters between slashes`,
    suggest: (value) => `write it as ${isHtml(value) ? asHtmlPath(value) : asSitePath(value)}`,
  },
  oldAddress: {
    // No part starts with "_", which hosts keep for their own files (_redirects, _headers, _worker.js), or a dot.
    regex: new RegExp(
      `^/(${part(oldAddressCharacter("._~-"), oldAddressCharacter("~-"))}/)*(${part(oldAddressCharacter("._~-"), oldAddressCharacter("~-"), maxAddressPart - ".html".length)}\\.html)?$`,
      "u",
    ),
    message: `must be an old address on this site, such as /old-page/, at most ${maxAddressPart} characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _`,
    suggest: (value) => {
      const fixed = asOldAddress(value);
      if (isNotFoundPage(fixed)) return `remove it from redirect_from: as an old address it would be ${fixed}, which hosts show for every address they cannot find, so every mistyped address would come here`;
      return `write it as ${fixed}, the address as it was${isHtml(fixed) ? "" : ", starting and ending with /"}`;
    },
  },
  pathPrefix: { regex: /^\/([A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*$/, message: "must start and end with a slash, such as / or /code-site/", suggest: (value) => `write it as ${asSitePath(value)}` },
  language: { regex: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, message: "must be a language tag such as en or es-MX", suggest: () => "write the language's short code: en for English, es for Spanish" },
  translatedFrom: { regex: /^(\d{4}-\d{2}-\d{2}|[0-9a-f]{7,40})$/, message: "must be a day written YYYY-MM-DD, or a commit such as 1a2b3c4", suggest: () => "write the day the English page was translated, such as 2026-11-30" },
  reviewInterval: {
    regex: /^([1-9]\d*) (day|week|month|year)s?$/,
    message: "must be a number and a unit, such as 6 months, 1 year or 90 days",
    suggest: () => "write a number, a space and days, weeks, months or years, such as 6 months",
  },
  inventoryFile: {
    regex: /^[a-z0-9-]+\.json$/,
    message: "must be a file name in content/code-json/, such as cdt.json",
    suggest: (value) => `rename the file and write it here as ${asAddressPart(value.replace(/\.json$/i, "")) || "agency"}.json (small letters, digits and hyphens)`,
  },
  acronym: { regex: /^[A-Za-z0-9]{1,20}$/, message: "must be letters and digits, at most 20, such as CDT", suggest: (value) => `write it as ${value.replace(/[^A-Za-z0-9]/g, "").slice(0, 20) || "CDT"}` },
  roleName: { regex: /^[a-z-]+$/, message: "must be lowercase words joined by hyphens, such as product-owner", suggest: (value) => `write it as ${asAddressPart(value).replace(/[0-9]/g, "") || "product-owner"}` },
} satisfies Record<string, Pattern>;

/** The pattern a schema message belongs to. */
export const patternWithMessage = (message: string): Pattern | undefined => Object.values(patterns).find((pattern) => pattern.message === message);
