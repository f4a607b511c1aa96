import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import anchor from "markdown-it-anchor";
import { dataBlocksPlugin, type BlockRenderer } from "./data-blocks.ts";
import { slugify } from "./slug.ts";
import { tocPlugin } from "./toc.ts";

/**
 * Pages the checks have parsed, rendered to HTML and waiting for Eleventy: each page's Markdown is parsed once
 * per build. The HTML is kept rather than the tokens, which take several times the memory at thousands of
 * pages; Eleventy takes each page out as it renders it, so nothing stays in memory after a build.
 */
export const renderedPages = new Map<string, string>();

export interface MarkdownOptions {
  /** Data blocks a page may place with a line such as `{{ agencies }}`. */
  blocks?: Record<string, BlockRenderer>;
  /** Sections (h2) a page needs before it gets a table of contents. */
  tocMinSections?: number;
  /** "store": render what this instance parses into `renderedPages`; "take": use that HTML when a page is there. */
  renderedPages?: "store" | "take";
}

/** The one markdown-it instance of the site: every page and every check goes through it. */
export function md(options: MarkdownOptions = {}): MarkdownItInstance {
  const instance = new MarkdownIt({ html: true, linkify: false, typographer: true });
  instance.use(anchor, {
    level: [2, 3, 4],
    slugify,
    tabIndex: false,
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: (title) => `Link to the section “${title}”`,
      visuallyHiddenClass: "sr-only",
      symbol: "#",
      class: "heading-anchor",
      // The link's words are for screen readers, not for search excerpts.
      renderAttrs: () => ({ "data-pagefind-ignore": "" }),
    }),
  });
  instance.use(tocPlugin, { minSections: options.tocMinSections ?? 3, title: "On this page" });
  instance.use(dataBlocksPlugin, options.blocks ?? {});
  if (options.renderedPages === "store") {
    const parse = instance.parse.bind(instance);
    instance.parse = (src, env) => {
      const tokens = parse(src, env);
      try {
        renderedPages.set(src, instance.renderer.render(tokens, instance.options, env));
      } catch {
        // A page that cannot render (an unknown data block) fails the checks, which say why; it is not stored.
      }
      return tokens;
    };
  } else if (options.renderedPages === "take") {
    const render = instance.render.bind(instance);
    instance.render = (src, env) => {
      const html = renderedPages.get(src);
      if (html === undefined) return render(src, env);
      renderedPages.delete(src);
      return html;
    };
  }
  return instance;
}
