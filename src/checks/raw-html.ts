import { problem, type Problem } from "../problems/problems.ts";
import type { PageSource } from "./page-source.ts";
import type { HtmlElement } from "./references.ts";

const forbiddenTags: Record<string, string> = {
  script: "runs code",
  iframe: "embeds another website",
  frame: "embeds another website",
  object: "embeds a plugin or another document",
  embed: "embeds a plugin or another document",
  applet: "runs a plugin",
  style: "restyles the whole site",
  base: "changes where every link on the page goes",
  meta: "changes how the page behaves",
  link: "loads a file from elsewhere",
};
const urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data"];

/** Raw HTML that could run code or load from elsewhere; harmless HTML (a table, a <details>) may stay. */
export function checkRawHtml(page: PageSource, elements: readonly HtmlElement[]): Problem[] {
  const problems: Problem[] = [];
  for (const { element, line, column } of elements) {
    const tag = element.rawTagName.toLowerCase();
    const report = (message: string, fix: string) => problems.push(problem(page.file, line, message, fix, "error", column));
    const danger = forbiddenTags[tag];
    if (danger) {
      report(`a <${tag}> element ${danger}, which pages may not do`, tag === "iframe" ? "link to the content instead of embedding it" : `remove the <${tag}>; write the content in Markdown`);
      continue;
    }
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith("on")) report(`the <${tag}> has an event handler (${name}=…), which runs code`, `remove the ${name} attribute`);
      if (urlAttributes.includes(attribute) && /^\s*(javascript|vbscript|data):/i.test(value)) {
        report(`the <${tag}>'s ${name} is a ${value.trim().split(":")[0]!.toLowerCase()}: address, which can run code`, "use the address of a page or a file instead");
      }
    }
    if (tag === "form") {
      const action = element.getAttribute("action") ?? "";
      if (/^(https?:)?\/\//i.test(action.trim())) report(`the form sends what people type to another website (${action})`, "remove the form, or link to the other website's own page");
    }
  }
  return problems;
}
