import MarkdownIt, { type MarkdownIt as MarkdownItInstance, type Token } from "markdown-it";
import anchor from "markdown-it-anchor";
import { dataBlocksPlugin, type BlockRenderer } from "./data-blocks.ts";
import { slugify } from "./slug.ts";
import { tocPlugin } from "./toc.ts";

/**
 * Pages the checks have parsed, waiting for Eleventy to render them: each page's Markdown is parsed once per
 * build. Eleventy takes a page's tokens out as it renders it, so nothing stays in memory after a build.
 */
export const parsedPages = new Map<string, Token[]>();

export interface MarkdownOptions {
  /** Data blocks a page may place with a line such as `{{ agencies }}`. */
  blocks?: Record<string, BlockRenderer>;
  /** Sections (h2) a page needs before it gets a table of contents. */
  tocMinSections?: number;
  /** "store": keep what this instance parses in `parsedPages`; "take": render from it when a page is there. */
  parsedPages?: "store" | "take";
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
  const parse = instance.parse.bind(instance);
  if (options.parsedPages === "store") {
    instance.parse = (src, env) => {
      const tokens = parse(src, env);
      parsedPages.set(src, tokens);
      return tokens;
    };
  } else if (options.parsedPages === "take") {
    instance.parse = (src, env) => {
      const tokens = parsedPages.get(src);
      if (!tokens) return parse(src, env);
      parsedPages.delete(src);
      return tokens;
    };
  }
  return instance;
}
