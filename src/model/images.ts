import { DOMParser, ParseError, type Element, type Node } from "@xmldom/xmldom";
import { placeIn } from "./text-places.ts";

/** An image format the site publishes: what its file may be named, and how its first bytes begin. */
interface ImageFormat {
  /** Its name with its article: "a PNG", "an SVG". */
  name: string;
  extensions: string[];
  matches(bytes: Buffer): boolean;
}

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

const formats: ImageFormat[] = [
  { name: "a PNG", extensions: ["png"], matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: "a JPEG", extensions: ["jpg", "jpeg"], matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { name: "a GIF", extensions: ["gif"], matches: (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")) },
  { name: "a WebP", extensions: ["webp"], matches: (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8) },
  { name: "an AVIF", extensions: ["avif"], matches: (b) => startsWith(b, ascii("ftypavi"), 4) },
  { name: "an SVG", extensions: ["svg"], matches: (b) => /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>\s*)*<svg[\s>]/.test(b.subarray(0, 4096).toString("utf8")) },
];

export const imageExtensions = formats.flatMap((format) => format.extensions);

/** Why a file in images/ may not be published (at a line of a drawing), or undefined when it is an image of the kind its name says. */
export function judgeImage(name: string, bytes: Buffer): { message: string; fix: string; line?: number } | undefined {
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";
  const named = formats.find((format) => format.extensions.includes(extension));
  const actual = formats.find((format) => format.matches(bytes));
  if (!named) {
    return {
      message: `${name} is not an image the site publishes (${imageExtensions.map((e) => `.${e}`).join(", ")})`,
      fix: actual ? `rename it to end in .${actual.extensions[0]}` : "remove it from content/images/: only images are published there",
    };
  }
  if (actual !== named) {
    return {
      message: `${name} is named as ${named.name} image, but ${actual ? `it is ${actual.name} image` : "its content is not one"}`,
      fix: actual ? `rename it to end in .${actual.extensions[0]}` : `save it again as ${named.name} image`,
    };
  }
  if (named.extensions.includes("svg")) {
    const danger = svgDanger(bytes);
    if (danger) return { message: `${name} is not safe to publish as an image: it ${danger.why}`, fix: danger.fix ?? "save the drawing again as a plain SVG (most editors have an option for it), or as a PNG", line: danger.line };
  }
  return undefined;
}

const svgNamespace = "http://www.w3.org/2000/svg";
/** Drawing tools' notes (Inkscape's and the metadata they write): never run, never shown. */
const metadataNamespaces = new Set([
  "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  "http://creativecommons.org/ns#",
  "http://purl.org/dc/elements/1.1/",
  "http://www.inkscape.org/namespaces/inkscape",
  "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
]);
/** SVG's drawing elements. Left out: script, foreignObject (HTML inside), a (links), and the animations that can change a link. */
const svgElements = new Set(
  "svg g defs symbol use path rect circle ellipse line polyline polygon text tspan textPath title desc metadata style image switch linearGradient radialGradient stop pattern clipPath mask marker filter feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence".split(" "),
);
const embeddedImage = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/;
/**
 * Styles that could load from elsewhere: a `url()` to anything but a part of the same drawing (`url(#gradient)`),
 * an import, `image-set()`, or any backslash, with which CSS can spell those words in escapes (`u\\rl(`).
 */
// The spaces after "url(" are taken whole, (?=(\s*))\1, as no JavaScript pattern can say otherwise: a pattern free to
// give some back would both let "url( #a)" look like another file and try every split of a long run of spaces.
const outsideReference = /url\s*\((?=(\s*))\1(?!['"]?\s*#)|@import|image-set|\\/i;

/**
 * What in an SVG could run code or load from elsewhere, read with an XML parser as a browser reads an SVG file.
 * Anything the parser has to guess at is refused, so no reading of the file differs from the one checked.
 */
export function svgDanger(bytes: Buffer): { why: string; line?: number; fix?: string } | undefined {
  const text = bytes.toString("utf8");
  const at = (why: string, offset: number, fix?: string) => ({ why, line: placeIn(text, offset).line, fix });
  if (text.includes("\uFFFD")) return at("is not saved as UTF-8", text.indexOf("\uFFFD"));
  if (/<!DOCTYPE/i.test(text)) return at("declares a DOCTYPE, whose entities can pull in other files", text.search(/<!DOCTYPE/i));
  if (/<\?xml-stylesheet/i.test(text)) return at("loads a stylesheet", text.search(/<\?xml-stylesheet/i));
  const encoding = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)/i.exec(text)?.[1];
  if (encoding && !/^utf-?8$/i.test(encoding)) return { why: `says it is in the ${encoding} encoding`, line: 1 };
  const unread = unreadableByBrowsers(text);
  if (unread) return at(unread.why, unread.offset, unread.fix);
  let document;
  try {
    document = new DOMParser({
      onError: (level: string, message: string) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(text.replace(/^\uFEFF/, ""), "image/svg+xml");
  } catch (error) {
    // The parser places a fault at the last tag it read: the fault is there or after it, where to start looking.
    const line: unknown = error instanceof ParseError ? error.locator?.lineNumber : undefined;
    return { why: "is not well-formed XML", line: typeof line === "number" && line > 0 ? line : undefined };
  }
  const root = document.documentElement;
  if (!root || root.namespaceURI !== svgNamespace || root.localName !== "svg") return { why: "is not an SVG drawing" };
  return drawingDanger(root);
}

/** The characters XML allows in a document: a reference to any other stops a browser reading the drawing. */
const xmlCharacter = (code: number) => code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);

/**
 * What XML refuses, and so every browser, but the parser above lets through: an & that starts no reference (as in
 * "Tom & Jerry" typed into a drawing's text), a reference to a character XML does not allow, and "]]>" outside a
 * CDATA section. Comments, CDATA sections and processing instructions, which may hold each, are blanked first,
 * every offset kept.
 */
function unreadableByBrowsers(text: string): { why: string; offset: number; fix: string } | undefined {
  const markup = withSectionsBlanked(text);
  const refused = (what: string, offset: number, fix: string) => ({ why: `has ${what}, so browsers show no drawing`, offset, fix });
  const bareAmpersand = markup.search(/&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/);
  if (bareAmpersand >= 0) return refused("an & that starts no character reference, which XML does not allow", bareAmpersand, "write the & as &amp;");
  for (const reference of markup.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const digits = reference[1]!;
    const code = digits.startsWith("x") ? Number.parseInt(digits.slice(1), 16) : Number.parseInt(digits, 10);
    if (!xmlCharacter(code)) return refused(`a reference to a character XML does not allow (${reference[0]})`, reference.index, `remove ${reference[0]}`);
  }
  const closing = markup.indexOf("]]>");
  if (closing >= 0) return refused('"]]>" outside a CDATA section, which XML does not allow', closing, "write the > of ]]> as &gt;");
  return undefined;
}

/**
 * A drawing's text with its comments, CDATA sections and processing instructions blanked, line breaks kept. Read
 * once from start to end: one left open blanks the rest (the parser then refuses the drawing), rather than being
 * looked for again from each later opening, which made 200 KB of "<?" take seconds.
 */
function withSectionsBlanked(text: string): string {
  const opening = /<!--|<!\[CDATA\[|<\?/g;
  const closing: Record<string, string> = { "<!--": "-->", "<![CDATA[": "]]>", "<?": "?>" };
  let blanked = "";
  let from = 0;
  for (let found = opening.exec(text); found; found = opening.exec(text)) {
    const end = text.indexOf(closing[found[0]]!, found.index + found[0].length);
    const after = end < 0 ? text.length : end + closing[found[0]]!.length;
    blanked += text.slice(from, found.index) + text.slice(found.index, after).replace(/[^\n]/g, " ");
    from = opening.lastIndex = after;
  }
  return blanked + text.slice(from);
}

/**
 * The first danger in the drawing, in document order: walked without recursion and without spreading a node's
 * children into a call, as a drawing may nest 10,000 deep, or hold 200,000 elements side by side.
 */
function drawingDanger(root: Element): { why: string; line?: number } | undefined {
  const waiting: Node[] = [root];
  for (let node = waiting.pop(); node; node = waiting.pop()) {
    const why = node.nodeType === node.PROCESSING_INSTRUCTION_NODE ? "has a processing instruction" : elementDanger(node as Element);
    if (why) return { why, line: node.lineNumber };
    // Pushed last child first, so the first is taken next.
    for (let child: Node | null = node.lastChild; child; child = child.previousSibling) {
      if (child.nodeType === child.ELEMENT_NODE || child.nodeType === child.PROCESSING_INSTRUCTION_NODE) waiting.push(child);
    }
  }
  return undefined;
}

function elementDanger(element: Element): string | undefined {
  const namespace = element.namespaceURI ?? "";
  const name = element.localName ?? element.tagName;
  if (namespace === svgNamespace) {
    if (!svgElements.has(name)) return `has a <${name}> element`;
  } else if (!metadataNamespaces.has(namespace)) {
    return `has a <${element.tagName}> element from outside SVG`;
  }
  for (let i = 0; i < element.attributes.length; i++) {
    const attribute = element.attributes.item(i)!;
    const attributeName = attribute.localName ?? attribute.name;
    const value = attribute.value;
    if (/^on/i.test(attributeName)) return `has an event handler (${attribute.name})`;
    if (attributeName === "href" && !value.trim().startsWith("#") && !(name === "image" && embeddedImage.test(value.trim()))) return `refers to another file (${attribute.name}="${value}")`;
    if (outsideReference.test(value)) return `refers to another file in its styles (${attribute.name})`;
  }
  if (name === "style" && outsideReference.test(styleText(element))) return "refers to another file in its styles";
  return undefined;
}

/** A style element's style sheet, as a browser reads it: the text directly inside it, not inside elements within. */
function styleText(style: Element): string {
  let text = "";
  for (let child: Node | null = style.firstChild; child; child = child.nextSibling) if (child.nodeType === child.TEXT_NODE || child.nodeType === child.CDATA_SECTION_NODE) text += child.nodeValue ?? "";
  return text;
}
