import { defaultTreeAdapter, html as htmlSpec, parse, type DefaultTreeAdapterMap } from "parse5";
import { markAt, type RenderedBody } from "../markdown/render-lines.ts";

type Parse5Node = DefaultTreeAdapterMap["node"];
type Parse5Element = DefaultTreeAdapterMap["element"];

/** An element of a page's body as a browser builds it, with the body line it came from. */
export interface BodyElement {
  /** The tag name, lower case, as the browser reads it ("svg:script" for a script inside SVG). */
  tag: string;
  attributes: { name: string; value: string }[];
  attribute(name: string): string | undefined;
  /** Its text, as a reader sees it (worked out when asked: a deep page has many elements). */
  text(): string;
  /** 0-based body line. */
  line: number;
  /** Its opening tag as written, to find its column on the line. */
  opening: string;
  /** Whether the editor wrote it as raw HTML, rather than Markdown making it. */
  raw: boolean;
}

/**
 * parse5's own tree, but without the end of each element and text: only where each starts is read, and recording
 * every end (a copy of the location, each time) was a fifth of the parse.
 */
const startsOnly = { ...defaultTreeAdapter, updateNodeSourceCodeLocation: () => {} };

/** What the layouts put before a page's body: the body is parsed in its place, as a browser parses the whole page. */
const pageStart = "<!DOCTYPE html><html><head><title>page</title></head><body><main>";
/** Marks what the layouts put after it, in short, which the body is parsed with: a body must leave it as it is. */
const afterThePage = "data-after-the-page";
const pageEnd = `</main><p ${afterThePage}>after</p>`;

/**
 * A place where the body breaks the HTML standard's rules of writing (a parse error, by the standard's name for
 * it), by its offset in the body: there browsers and other tools, such as the path prefix's rewrite, may read the
 * same text as different markup, and a body that ends inside a tag takes in the layout's text after it.
 */
export interface MarkupFault {
  code: string;
  offset: number;
  /** The element a body left open into the layout (`unclosedIntoLayout`). */
  tag?: string;
}

/** The fault of an element a body leaves open, which takes in the layout after the body (a link around its footer). */
export const unclosedIntoLayout = "unclosed-into-layout";

/** A page's body as a browser builds it: its elements, and where its HTML breaks the rules of writing. */
export interface ParsedBody {
  elements: BodyElement[];
  faults: MarkupFault[];
}

/**
 * The standard's parse errors of building the tree (an end tag with no element open, say): the markup itself is
 * read the same everywhere, and Markdown's own HTML makes some of them.
 */
const treeErrors = new Set([
  "missing-doctype",
  "misplaced-doctype",
  "non-conforming-doctype",
  "end-tag-without-matching-open-element",
  "closing-of-element-with-open-child-elements",
  "disallowed-content-in-noscript-in-head",
  "open-elements-left-after-eof",
  "abandoned-head-element-child",
  "misplaced-start-tag-for-head-element",
  "nested-noscript-in-head",
  "eof-in-element-that-can-contain-only-text",
]);

/**
 * Parses a page's rendered body with parse5, which follows the HTML standard's parsing algorithm as browsers do,
 * so a comment, a <noscript>, a <template> or an odd quote hides nothing from the checks: every element a browser
 * would build is here, foreign content (SVG, MathML) and template contents included. The body is read inside a
 * whole page, so a <body> or <html> tag it holds, whose attributes a browser moves onto the page's own, is seen too.
 */
export function bodyElements(body: RenderedBody): ParsedBody {
  const found = new Map<string, BodyElement>();
  const faults = new Map<string, MarkupFault>();
  const fault = (code: string, offset: number, tag?: string) => faults.set(`${offset}:${code}`, { code, offset, tag });
  const end = body.html.length;
  // What comes after the body is well formed: a fault found there is the body's, which did not end where it seems to.
  let endedInside = false;
  const onParseError = ({ code, startOffset }: { code: string; startOffset: number }) => {
    const offset = startOffset - pageStart.length;
    if (offset < 0 || treeErrors.has(code)) return;
    if (offset < end) fault(code, offset);
    else if (!endedInside) fault(code === "eof-in-comment" ? code : "eof-in-tag", end);
    endedInside ||= offset >= end;
  };
  // A browser without scripting reads a <noscript>'s content as HTML, one with scripting as text that ends at the
  // first "</noscript>", even inside a quoted attribute: each reading can build elements the other does not.
  for (const scriptingEnabled of /noscript/i.test(body.html) ? [false, true] : [false]) {
    const document = parse(pageStart + body.html + pageEnd, { sourceCodeLocationInfo: true, scriptingEnabled, treeAdapter: startsOnly, onParseError });
    const read = elementsOf(document as Parse5Node, body, (offset) => fault(nestedTooDeep, offset));
    for (const element of read.found) found.set(`${element.offset}:${element.tag}`, element);
    if (!read.after && !endedInside) fault("eof-in-tag", end);
    // The outermost is named: closing it closes those inside it. A body that ended inside a tag is named for that.
    const around = read.after && !endedInside ? bodyElementsAround(read.after, end)[0] : undefined;
    if (around) fault(unclosedIntoLayout, around.sourceCodeLocation!.startOffset - pageStart.length, around.tagName);
  }
  return { elements: [...found.values()], faults: [...faults.values()] };
}

/**
 * The elements of the body that the layout after it is inside of, outermost first: those it is in, then those the
 * parser makes again around its text (a link, or bold, left open: browsers carry them on, through the rest of the page).
 */
function bodyElementsAround(after: Parse5Element, end: number): Parse5Element[] {
  const inBody = (node: Parse5Node) => {
    const at = defaultTreeAdapter.isElementNode(node) ? (node as Parse5Element).sourceCodeLocation?.startOffset : undefined;
    return at !== undefined && at >= pageStart.length && at < pageStart.length + end;
  };
  const around: Parse5Element[] = [];
  const parentOf = (node: Parse5Node) => defaultTreeAdapter.getParentNode(node as DefaultTreeAdapterMap["childNode"]) as Parse5Node | null;
  for (let node = parentOf(after); node; node = parentOf(node)) if (inBody(node)) around.unshift(node as Parse5Element);
  for (let node: Parse5Node | undefined = after.childNodes[0]; node && inBody(node); node = defaultTreeAdapter.getChildNodes(node as Parse5Element)[0]) around.push(node as Parse5Element);
  return around;
}

/** The 0-based body line of an offset in the body's HTML. */
export function bodyLineAt(body: RenderedBody, offset: number): number {
  const mark = markAt(body.marks, offset);
  // Raw HTML is copied as written, so its own line breaks count the lines from where the snippet starts.
  return (mark?.line ?? 0) + (mark?.raw ? body.html.slice(mark.offset, offset).split("\n").length - 1 : 0);
}

/**
 * How deep the body's elements may nest. Markdown nests a list a hundred deep at most; the path prefix's rewrite,
 * which reads each page again, runs out of stack somewhere between 2,000 and 5,000.
 */
export const maxNesting = 500;
/** The fault of a body nested deeper than `maxNesting`: not the standard's, but said as its parse errors are. */
export const nestedTooDeep = "nested-too-deep";

/**
 * Every element of the parsed page that the body made, in document order, walked without recursion (a page may nest
 * deep); `tooDeep` hears of the first element nested deeper than `maxNesting`.
 */
function elementsOf(document: Parse5Node, body: RenderedBody, tooDeep: (offset: number) => void): { found: (BodyElement & { offset: number })[]; after?: Parse5Element } {
  const found: (BodyElement & { offset: number })[] = [];
  let after: Parse5Element | undefined;
  const stack: { node: Parse5Node; offset: number; depth: number }[] = [{ node: document, offset: 0, depth: 0 }];
  let deepSeen = false;
  while (stack.length) {
    const { node, offset: parentOffset, depth: parentDepth } = stack.pop()!;
    let depth = parentDepth;
    let offset = parentOffset;
    if (defaultTreeAdapter.isElementNode(node)) {
      const element = node as Parse5Element;
      const location = element.sourceCodeLocation;
      // Elements the parser adds by itself (a table's <tbody>) have no place of their own: they take their parent's.
      offset = location ? location.startOffset - pageStart.length : parentOffset;
      // The page's own elements, before the body and after it.
      const own = offset < 0 || offset >= body.html.length;
      if (offset >= body.html.length && element.attrs.some((a) => a.name === afterThePage)) after = element;
      if (!own && ++depth > maxNesting && !deepSeen) {
        deepSeen = true;
        tooDeep(offset);
      }
      const mergedFromBody = own && (element.tagName === "html" || element.tagName === "body") && element.attrs.length > 0;
      if (!own || mergedFromBody) found.push(describe(element, mergedFromBody ? Math.max(0, body.html.search(new RegExp(`<${element.tagName}[\\s/>]`, "i"))) : offset, body, mergedFromBody));
      if (element.tagName === "template") stack.push({ node: defaultTreeAdapter.getTemplateContent(element as DefaultTreeAdapterMap["template"]) as Parse5Node, offset, depth });
    }
    const children = defaultTreeAdapter.getChildNodes(node as DefaultTreeAdapterMap["parentNode"]) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, offset: Math.max(offset, 0), depth });
  }
  return { found, after };
}

/**
 * An element as the checks read it. A class rather than an object of closures: a page has thousands of elements,
 * and each closure made cost as much as the rest of describing it (tsx names every function it makes).
 */
class ParsedElement implements BodyElement {
  readonly tag: string;
  readonly attributes: { name: string; value: string }[];
  constructor(
    private readonly element: Parse5Element,
    readonly line: number,
    readonly opening: string,
    readonly raw: boolean,
    readonly offset: number,
  ) {
    const prefix = element.namespaceURI === htmlSpec.NS.SVG ? "svg:" : element.namespaceURI === htmlSpec.NS.MATHML ? "math:" : "";
    this.tag = prefix + element.tagName.toLowerCase();
    this.attributes = element.attrs.map((a) => ({ name: (a.prefix ? `${a.prefix}:` : "") + a.name.toLowerCase(), value: a.value }));
  }

  attribute(name: string): string | undefined {
    return this.element.attrs.find((a) => a.name.toLowerCase() === name)?.value;
  }

  text(): string {
    return textOf(this.element);
  }
}

function describe(element: Parse5Element, offset: number, body: RenderedBody, merged: boolean): ParsedElement {
  const mark = markAt(body.marks, offset);
  const end = merged ? body.html.indexOf(">", offset) + 1 : (element.sourceCodeLocation?.startTag?.endOffset ?? offset + pageStart.length) - pageStart.length;
  return new ParsedElement(element, bodyLineAt(body, offset), body.html.slice(offset, Math.max(offset, end)).split("\n")[0]!, merged || (mark?.raw ?? false), offset);
}

/** An element's text, as a reader sees it. */
function textOf(element: Parse5Node): string {
  let text = "";
  const stack: Parse5Node[] = [element];
  while (stack.length) {
    const node = stack.pop()!;
    if (defaultTreeAdapter.isTextNode(node)) text += defaultTreeAdapter.getTextNodeContent(node);
    const children = defaultTreeAdapter.getChildNodes(node as DefaultTreeAdapterMap["parentNode"]) ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return text;
}
