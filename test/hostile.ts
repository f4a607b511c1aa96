import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { bodyElements } from "../src/checks/html.ts";
import type { PageSource } from "../src/checks/page-source.ts";
import { checkRawHtml } from "../src/checks/raw-html.ts";
import { md } from "../src/markdown/markdown.ts";
import { renderWithLines } from "../src/markdown/render-lines.ts";
import { formatProblem } from "../src/problems/problems.ts";
import { fixtures } from "./helpers.ts";

/** The snippets of a fixture file: a page body after each "=== name" line. */
export function snippets(name: string): { name: string; body: string }[] {
  const text = readFileSync(path.join(fixtures, "hostile", name), "utf8");
  return text
    .split(/^=== /m)
    .slice(1)
    .map((part) => {
      const [title, ...lines] = part.split("\n");
      return { name: title!.trim(), body: lines.join("\n").trim() + "\n" };
    });
}

/** A page of the given body as the checks see it: front matter on lines 1 to 4, the body from line 5. */
export function pageOf(body: string): PageSource & { html: string } {
  const markdown = md();
  const tokens = markdown.parse(body, {});
  const rendered = renderWithLines(markdown, tokens);
  const text = `---\ntitle: T\ndescription: D\n---\n${body}`;
  return { file: "page.md", lines: text.split("\n"), url: "/page/", tokens, rendered, bodyLineOffset: 4, html: rendered.html };
}

/** What the raw HTML check says of a body, as printed. */
export function htmlProblems(body: string): string[] {
  const page = pageOf(body);
  return checkRawHtml(page, bodyElements(page.rendered)).map(formatProblem);
}

/** The SVG files of a fixture folder: ones that run script when opened, or harmless drawings. */
export const svgFixtures = (kind: "attacks" | "harmless") =>
  readdirSync(path.join(fixtures, "hostile", "svg", kind)).map((name) => ({ name, bytes: readFileSync(path.join(fixtures, "hostile", "svg", kind, name)) }));
