import { defaultTreeAdapter, html as htmlSpec, parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { markAt, type RenderedBody } from "../markdown/render-lines.ts";

type Parse5Node = DefaultTreeAdapterMap["node"];
type Parse5Element = DefaultTreeAdapterMap["element"];

/** An element of a page's body as a browser builds it, with the body line it came from. */
export interface BodyElement {
  /** The tag name, lower case, as the browser reads it ("svg:script" for a script inside SVG). */
  tag: string;
  attributes: { name: string; value: string }[];
  attribute(name: string): string | undefined;
  /** Its text, as a reader sees it. */
  text: string;
  /** 0-based body line. */
  line: number;
  /** Its opening tag as written, to find its column on the line. */
  opening: string;
  /** Whether the editor wrote it as raw HTML, rather than Markdown making it. */
  raw: boolean;
}

// The element a page's body is placed in by the layouts.
const context = defaultTreeAdapter.createElement("main", htmlSpec.NS.HTML, []);

/**
 * Parses a page's rendered body with parse5, which follows the HTML standard's parsing algorithm as browsers do,
 * so a comment, a <noscript>, a <template> or an odd quote hides nothing from the checks: every element a browser
 * would build is here, foreign content (SVG, MathML) and template contents included.
 */
export function bodyElements(body: RenderedBody): BodyElement[] {
  const found = new Map<string, BodyElement>();
  // A browser without scripting reads a <noscript>'s content as HTML, one with scripting as text that ends at the
  // first "</noscript>", even inside a quoted attribute: each reading can build elements the other does not.
  for (const scriptingEnabled of /noscript/i.test(body.html) ? [false, true] : [false]) {
    const fragment = parseFragment(context, body.html, { sourceCodeLocationInfo: true, scriptingEnabled });
    for (const element of elementsOf(fragment as Parse5Node, body)) found.set(`${element.offset}:${element.tag}`, element);
  }
  return [...found.values()];
}

function elementsOf(root: Parse5Node, body: RenderedBody): (BodyElement & { offset: number })[] {
  const found: (BodyElement & { offset: number })[] = [];
  const visit = (node: Parse5Node) => {
    if (defaultTreeAdapter.isElementNode(node)) {
      const element = node as Parse5Element;
      const location = element.sourceCodeLocation;
      const offset = location?.startOffset ?? 0;
      const mark = markAt(body.marks, offset);
      // Raw HTML is copied as written, so its own line breaks count the lines from where the snippet starts.
      const line = (mark?.line ?? 0) + (mark?.raw ? body.html.slice(mark.offset, offset).split("\n").length - 1 : 0);
      const prefix = element.namespaceURI === htmlSpec.NS.SVG ? "svg:" : element.namespaceURI === htmlSpec.NS.MATHML ? "math:" : "";
      found.push({
        tag: prefix + element.tagName.toLowerCase(),
        attributes: element.attrs.map((a) => ({ name: (a.prefix ? `${a.prefix}:` : "") + a.name.toLowerCase(), value: a.value })),
        attribute: (name) => element.attrs.find((a) => a.name.toLowerCase() === name)?.value,
        text: textOf(element),
        line,
        opening: body.html.slice(offset, location?.startTag?.endOffset ?? offset).split("\n")[0]!,
        raw: mark?.raw ?? false,
        offset,
      });
      if (element.tagName === "template") visit(defaultTreeAdapter.getTemplateContent(element as DefaultTreeAdapterMap["template"]) as Parse5Node);
    }
    for (const child of defaultTreeAdapter.getChildNodes(node as DefaultTreeAdapterMap["parentNode"]) ?? []) visit(child);
  };
  visit(root);
  return found;
}

function textOf(node: Parse5Node): string {
  if (defaultTreeAdapter.isTextNode(node)) return defaultTreeAdapter.getTextNodeContent(node);
  const children = defaultTreeAdapter.getChildNodes(node as DefaultTreeAdapterMap["parentNode"]) ?? [];
  return children.map(textOf).join("");
}
