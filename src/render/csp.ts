/** The search page of a site in one language: the one page whose script compiles WebAssembly (Pagefind's). */
export const searchPageUrl = "/search/";

const directives = (wasm: boolean): [string, string][] => [
  ["default-src", "'self'"],
  ["script-src", wasm ? "'self' 'wasm-unsafe-eval'" : "'self'"],
  ["style-src", "'self'"],
  ["img-src", "'self'"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["object-src", "'none'"],
  ["base-uri", "'self'"],
  ["form-action", "'self'"],
];

const join = (list: [string, string][]) => list.map(([name, value]) => `${name} ${value}`).join("; ");

/**
 * The policy a page carries in its <meta http-equiv>: nothing from other origins, no inline script or style,
 * and WebAssembly only where search needs it: on each language's search page.
 */
export function pagePolicy(pageUrl: string, searchUrls: ReadonlySet<string> = new Set([searchPageUrl])): string {
  return join(directives(searchUrls.has(pageUrl)));
}

/**
 * The policy for hosts that read a `_headers` file. A header applies to a path pattern, not a page, so it
 * allows what any page needs; each page's own <meta> policy, which the browser enforces as well, narrows it.
 * `frame-ancestors` works only in a header.
 */
export function headerPolicy(): string {
  return join([...directives(true), ["frame-ancestors", "'none'"]]);
}
