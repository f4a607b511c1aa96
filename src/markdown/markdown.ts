import MarkdownIt, { type MarkdownIt as MarkdownItInstance } from "markdown-it";
import anchor from "markdown-it-anchor";
import { dataBlocksPlugin, type BlockRenderer } from "./data-blocks.ts";
import { slugify } from "../model/slug.ts";
import { tocPlugin } from "./toc.ts";

export interface MarkdownOptions {
  /** Data blocks a page may place with a line such as `{{ agencies }}`. */
  blocks?: Record<string, BlockRenderer>;
  /** Sections (h2) a page needs before it gets a table of contents. */
  tocMinSections?: number;
  /** The words the Markdown adds to a page, in the page's language: English unless given. */
  words?: MarkdownWords;
}

export interface MarkdownWords {
  /** The table of contents' heading. */
  onThisPage: string;
  /** What a heading's link says to a screen reader. */
  sectionLink: (title: string) => string;
}

const englishWords: MarkdownWords = { onThisPage: "On this page", sectionLink: (title) => `Link to the section “${title}”` };

/** The one markdown-it instance of the site: every page and every check goes through it. */
export function md(options: MarkdownOptions = {}): MarkdownItInstance {
  const instance = new MarkdownIt({ html: true, linkify: false, typographer: true });
  const words = options.words ?? englishWords;
  instance.use(anchor, {
    level: [2, 3, 4],
    slugify,
    tabIndex: false,
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: words.sectionLink,
      visuallyHiddenClass: "sr-only",
      symbol: "#",
      class: "heading-anchor",
      // The link's words are for screen readers, not for search excerpts.
      renderAttrs: () => ({ "data-pagefind-ignore": "" }),
    }),
  });
  instance.use(tocPlugin, { minSections: options.tocMinSections ?? 3, title: words.onThisPage });
  instance.use(dataBlocksPlugin, options.blocks ?? {});
  return instance;
}
