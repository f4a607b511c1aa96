import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from "parse5";
import { asBrowsersRead } from "../model/addresses.ts";

type Parse5Node = DefaultTreeAdapterMap["node"];
type Parse5Element = DefaultTreeAdapterMap["element"];

/** The attributes that hold an address a page's reader follows or loads. */
const addressAttributes = new Set(["href", "src", "action", "formaction", "cite", "poster"]);

/** An attribute value written within double quotes, as parse5 writes one. */
const quoted = (value: string) => `"${value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\u00a0/g, "&nbsp;")}"`;

/**
 * A page's HTML with the path prefix put before each address from the site's root (`/about/` under `/code-site/`
 * becomes `/code-site/about/`), and every other byte as it was: the page a browser reads is the page the checks
 * read, but for those addresses. (Eleventy's base plugin parsed each page with another parser and wrote it out
 * again: markup the checks had passed came out as other markup, such as a redirect to another website, and it
 * rewrote relative addresses, turning `./javascript:…` into `javascript:…`.) Addresses are found as a browser
 * finds them (parse5); relative and full addresses are left as they are.
 */
export function prefixAddresses(html: string, pathPrefix: string): string {
  const prefix = pathPrefix.replace(/\/+$/, "");
  if (!prefix) return html;
  const edits: { start: number; end: number; text: string }[] = [];
  // Read as a browser without scripting reads it, so that links inside a <noscript> work for the readers who see them.
  const stack: Parse5Node[] = [parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false }) as Parse5Node];
  while (stack.length) {
    const node = stack.pop()!;
    if (defaultTreeAdapter.isElementNode(node)) {
      const element = node as Parse5Element;
      for (const { name, value, prefix: namespace } of element.attrs) {
        const at = element.sourceCodeLocation?.attrs?.[name];
        const address = asBrowsersRead(value);
        // "//host/…" and "/\host/…" are other websites' addresses, which browsers read without the page's own.
        if (namespace || !at || !addressAttributes.has(name) || !/^\/(?![/\\])/.test(address)) continue;
        edits.push({ start: at.startOffset, end: at.endOffset, text: `${name}=${quoted(prefix + address)}` });
      }
      if (element.tagName === "template") stack.push(defaultTreeAdapter.getTemplateContent(element as DefaultTreeAdapterMap["template"]) as Parse5Node);
    }
    for (const child of defaultTreeAdapter.getChildNodes(node as DefaultTreeAdapterMap["parentNode"]) ?? []) stack.push(child);
  }
  edits.sort((a, b) => a.start - b.start);
  let written = "";
  let from = 0;
  for (const { start, end, text } of edits) {
    // A link left open is made again by the parser wherever its text goes on, each copy at the one place it is written.
    if (start < from) continue;
    written += html.slice(from, start) + text;
    from = end;
  }
  return written + html.slice(from);
}
