import type { MarkdownIt } from "markdown-it";
import { escapeHtml as escape } from "../model/escape-html.ts";

export interface TocOptions {
  /** How many h2 sections a page needs before it gets a table of contents. */
  minSections: number;
  /** The heading shown above the list. */
  title: string;
}

/**
 * Puts an "On this page" list of the page's h2 sections before its first section.
 * Runs after markdown-it-anchor so every heading already has its id.
 */
export function tocPlugin(md: MarkdownIt, options: TocOptions): void {
  md.core.ruler.push("toc", (state) => {
    const tokens = state.tokens;
    const sections: { id: string; text: string }[] = [];
    let firstSection = -1;
    tokens.forEach((token, i) => {
      if (token.type !== "heading_open" || token.tag !== "h2") return;
      const id = token.attrGet("id")?.toString();
      if (!id) return;
      if (firstSection < 0) firstSection = i;
      sections.push({ id, text: tokens[i + 1]?.children?.filter((c) => c.type === "text" || c.type === "code_inline").map((c) => c.content).join("") ?? "" });
    });
    if (sections.length < options.minSections) return;
    const toc = new state.Token("html_block", "", 0);
    toc.content =
      `<nav class="toc" aria-labelledby="toc-title" data-pagefind-ignore>\n<h2 id="toc-title" class="toc-title">${escape(options.title)}</h2>\n<ul>\n` +
      sections.map((s) => `<li><a href="#${escape(s.id)}">${escape(s.text)}</a></li>\n`).join("") +
      `</ul>\n</nav>\n`;
    toc.meta = { generated: "toc" };
    tokens.splice(firstSection, 0, toc);
  });
}
