import { asBrowsersRead } from "../model/addresses.ts";
import { problem, type Problem } from "../problems/problems.ts";
import { bodyLineAt, maxNesting, nestedTooDeep, unclosedIntoLayout, type BodyElement, type MarkupFault, type ParsedBody } from "./html.ts";
import { locate, type PageSource } from "./page-source.ts";

/** Elements whose harm is worth naming; any other element outside the allowed list gets a general message. */
const forbiddenTags: Record<string, string> = {
  script: "runs code",
  iframe: "embeds another website",
  frame: "embeds another website",
  frameset: "embeds another website",
  object: "embeds a plugin or another document",
  embed: "embeds a plugin or another document",
  applet: "runs a plugin",
  style: "restyles the whole site",
  base: "changes where every link on the page goes",
  meta: "changes how the page behaves",
  link: "loads a file from elsewhere",
};

/**
 * The elements a page's body may hold: what Markdown makes, and plain HTML that only shows text (a table, a
 * <details>, a form that stays on the site). Everything else, SVG and MathML included, is refused, and so are
 * <textarea> and <select>: parsers disagree on what they hold (Chromium's newer <select> keeps elements that the
 * standard's parser drops, and the path-prefix rewrite reads a text area's text as markup).
 */
const allowedTags = new Set(
  "a abbr address b bdi bdo blockquote br caption cite code col colgroup data dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark nav ol p pre q rp rt ruby s samp section small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr form fieldset legend label input button".split(" "),
);

/** Attributes any allowed element may carry; `aria-*` and `data-*` too. */
const globalAttributes = new Set(["id", "class", "title", "lang", "dir", "role", "hidden", "tabindex", "translate"]);
const elementAttributes: Record<string, string[]> = {
  // No target: a page a link opens in another tab or a named window can send this tab elsewhere (window.opener).
  a: ["href", "hreflang", "rel", "download", "type"],
  img: ["src", "alt", "width", "height", "loading", "decoding"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  td: ["colspan", "rowspan", "headers", "align"],
  th: ["colspan", "rowspan", "headers", "scope", "abbr", "align"],
  col: ["span"],
  colgroup: ["span"],
  details: ["open"],
  time: ["datetime"],
  data: ["value"],
  q: ["cite"],
  blockquote: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  form: ["action", "method", "name"],
  input: ["type", "name", "value", "placeholder", "required", "checked", "disabled", "min", "max", "step", "autocomplete", "size", "maxlength"],
  button: ["type", "name", "value", "disabled"],
  label: ["for"],
  fieldset: ["disabled"],
};
/** The one style Markdown writes itself: a table column's alignment. */
const markdownAlignment = /^text-align:(left|right|center)$/;
const urlAttributes = new Set(["href", "src", "action", "cite"]);

/** The scheme of an address as a browser reads it: leading spaces and control characters dropped, tabs and newlines removed. */
export function schemeOf(url: string): string | undefined {
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(asBrowsersRead(url))?.[1]?.toLowerCase();
}
const allowedSchemes = new Set(["http", "https", "mailto", "tel"]);

/** Whether a form's address leads off the site, read as a browser reads it ("/\\evil.example" and tabs included). */
function sendsElsewhere(action: string): boolean {
  try {
    return new URL(action, "https://site.invalid/page/").origin !== "https://site.invalid";
  } catch {
    return true;
  }
}

/** What each way of breaking HTML's rules of writing does, in words, and its fix; by the standard's names for them. */
const faultWords: [codes: RegExp, message: string, fix: string][] = [
  [new RegExp(`^${nestedTooDeep}$`), `the HTML here puts more than ${maxNesting} elements one inside another, more than any page needs and more than the tools that publish it can read`, "close each element where it ends (such as </div>), or write the content in Markdown"],
  [/^eof-in-comment$/, "this comment (<!--) is never closed, so everything after it, to the end of the page, is hidden", "end the comment with --> where your note ends, or remove the <!--"],
  [/^eof-in-(tag|doctype|cdata|script)|^eof-before-tag-name$/, "the page ends inside an unfinished tag, which would take in the page's layout after it", "finish the tag with >, or remove it"],
  [/^cdata-in-html-content$/, "a <![CDATA[ … ]]> section, which browsers read as a comment that ends at the first > and other tools read whole", "remove it, and write its text as it is"],
  [/^unexpected-question-mark-instead-of-tag-name$/, "a <? … > instruction, which browsers read as a comment and other tools leave out", "remove it"],
  [/^incorrectly-opened-comment$/, "a <! … > that is not a comment (a comment starts with <!--), which browsers and other tools read differently", "write a comment as <!-- … -->, or remove it"],
  [/comment/, "a comment written so that browsers and other tools end it in different places", "write it as <!-- text --> with no -- or > just inside it, or remove it"],
  [/character-reference/, "an & that starts a character reference HTML does not know, or one not ended with ;", "write &amp; for an & in text, and end each reference with ; (as in &nbsp;)"],
  [/^non-void-html-element-start-tag-with-trailing-solidus$/, "a tag written as if it closed itself (such as <div/>), which browsers read as an opening tag only and other tools as a closed element", "write the element whole, as <div></div>"],
  [/^duplicate-attribute$/, "a tag with the same attribute twice, of which browsers and other tools keep different ones", "keep one of them"],
  [/^(invalid-first-character-of-tag-name|missing-end-tag-name)$/, "a < or </ that starts no tag, which browsers and other tools read differently", "write &lt; for a < in text"],
  [/character-in-input-stream|null-character/, "an invisible control character in the HTML", "delete it: put the cursor just after it and press Backspace"],
  [/./, "a tag not written as HTML's rules require, which browsers and other tools read differently", 'write each attribute as name="value", with a space between attributes and nothing else in the tag'],
];

/** A place where the body breaks HTML's rules of writing, at the line (and column, where found) the editor wrote it. */
function faultProblem(page: PageSource, { code, offset, tag }: MarkupFault): Problem {
  const html = page.rendered.html;
  // An unfinished tag, or a character reference, is named where it starts, not where it was found wrong.
  const start = code === "eof-in-comment" ? "<!--" : code.startsWith("eof-") ? "<" : code.includes("character-reference") ? "&" : undefined;
  const at = start ? Math.max(0, html.lastIndexOf(start, offset - 1)) : offset;
  const lineEnd = html.indexOf("\n", at);
  // What the editor wrote there, to find its column: a tag up to its ">", or the rest of the line.
  const rest = html.slice(at, lineEnd < 0 ? undefined : lineEnd);
  const written = rest.slice(0, rest.startsWith("<") && rest.includes(">") ? rest.indexOf(">") + 1 : 40).slice(0, 40);
  const { line, column } = locate(page, bodyLineAt(page.rendered, at), written || undefined);
  if (code === unclosedIntoLayout) {
    return problem(page.file, line, `the <${tag}> opened here is never closed, so it takes in the page's layout after it`, `close it with </${tag}> where it should end`, "error", column);
  }
  const [, message, fix] = faultWords.find(([codes]) => codes.test(code))!;
  return problem(page.file, line, message, fix, "error", column);
}

/** A file name's or an address's ending, such as ".pdf" ("" for none): what a reader's computer opens it as. */
const fileEnding = (name: string) => {
  // Windows drops the dots and spaces a name ends with: "report.exe." is saved as "report.exe".
  const last = (name.split(/[?#]/)[0]!.split(/[/\\]/).at(-1) ?? "").replace(/[. ]+$/, "");
  return /\.[^.]+$/.exec(last)?.[0].toLowerCase() ?? "";
};

/**
 * Whether a download link saves its file as what it is: with no name, a name with no ending (the browser gives
 * it one), or the linked file's own ending. `download="report.exe"` on a picture would hand the reader a program.
 */
const savesAsItIs = (name: string, href: string) => !fileEnding(name) || fileEnding(name) === fileEnding(href);

/**
 * Judges a page's body as a browser builds it, against the lists of allowed elements, attributes and address
 * schemes. Markdown's own HTML always passes; raw HTML passes only where it shows text and links, and only where
 * it is written as HTML's rules require: where it is not, the checks and a browser, or a browser and the path
 * prefix's rewrite, could each read it as different markup.
 */
export function checkRawHtml(page: PageSource, { elements, faults }: ParsedBody): Problem[] {
  const problems: Problem[] = faults.map((fault) => faultProblem(page, fault));
  // One report for the page, not one made for each element: a page has thousands, and most have no problem.
  const report = (element: BodyElement, message: string, fix: string) => {
    const { line, column } = locate(page, element.line, element.opening || `<${element.tag.replace(/^(svg|math):/, "")}`);
    problems.push(problem(page.file, line, message, fix, "error", column));
  };
  for (const element of elements) {
    const { tag } = element;
    const danger = forbiddenTags[tag];
    if (danger) {
      report(element, `a <${tag}> element ${danger}, which pages may not do`, tag === "iframe" ? "link to the content instead of embedding it" : `remove the <${tag}>; write the content in Markdown`);
      continue;
    }
    if (!allowedTags.has(tag)) {
      const name = tag.replace(/^(svg|math):/, "");
      report(element, `a <${name}> element is not allowed in a page`, /^(svg|math):/.test(tag) || name === "svg" || name === "math" ? "save the drawing as an image in content/images/ and show it with ![what it shows](/images/…)" : `remove the <${name}>; write the content in Markdown`);
      continue;
    }
    const allowed = elementAttributes[tag] ?? [];
    for (const { name, value } of element.attributes) {
      if (name === "style" && (tag === "td" || tag === "th") && markdownAlignment.test(value)) continue;
      if (name.startsWith("on")) {
        report(element, `the <${tag}> has an event handler (${name}=…), which runs code`, `remove the ${name} attribute`);
      } else if (name === "target" && tag === "a") {
        report(element, `the <a> opens its page in another tab or window (target=${JSON.stringify(value)}), from where that page can send this tab to another website`, "remove the target attribute: the reader chooses where a link opens");
      } else if (name === "download" && tag === "a" && !savesAsItIs(value, element.attribute("href") ?? "")) {
        const ending = fileEnding(element.attribute("href") ?? "");
        report(element, `the <a> saves the file it links to under the name ${JSON.stringify(value)}, which says it is another kind of file`, `write download alone, without a name, or a name ending in ${ending || "the linked file's own ending"}`);
      } else if (!globalAttributes.has(name) && !allowed.includes(name) && !/^(aria|data)-[a-z0-9-]+$/.test(name)) {
        report(element, `the <${tag}> has a "${name}" attribute, which pages may not use`, `remove the ${name} attribute`);
      } else if (name.startsWith("data-pagefind") && element.raw) {
        // Pagefind reads these to file a page under a filter or to leave text out of search: the layouts' to set.
        report(element, `the <${tag}> has a "${name}" attribute, which only the site's layouts may set`, `remove the ${name} attribute`);
      } else if (urlAttributes.has(name) && element.raw) {
        // Markdown's own links are judged by the link checks; markdown-it already refuses the addresses that run code.
        const scheme = schemeOf(value);
        if (scheme && !allowedSchemes.has(scheme)) report(element, `the <${tag}>'s ${name} is a ${scheme}: address, which can run code`, "use the address of a page or a file instead");
      }
    }
    if (tag === "form" && sendsElsewhere(element.attribute("action") ?? "")) {
      report(element, `the form sends what people type to another website (${element.attribute("action")})`, "remove the form, or link to the other website's own page");
    }
  }
  return problems;
}
