import type { PageOutline } from "./page-source.ts";
import { sourceForm } from "./references.ts";
import { imageExtensions } from "../model/images.ts";

const imageFile = new RegExp(`\\.(${imageExtensions.join("|")})$`, "i");

/** Ids every page has from its layout, besides its headings. */
export const layoutIds = ["main-content"];

export interface IndexedPage {
  file: string;
  /** Every id a link can point at: headings and the layout's landmarks. */
  ids: Set<string>;
  /** The ids of the page's own headings, in order, to suggest. */
  sections: string[];
}

/** One index of every address of the site and every heading id on each page, for the link checks. */
export class SiteIndex {
  readonly pages = new Map<string, IndexedPage>();
  private readonly byFile = new Map<string, string>();
  private readonly drafts: Set<string>;

  constructor(
    pages: readonly PageOutline[],
    /** Addresses the generator publishes itself: its own files, and pages made from data (the catalog's pages). */
    generatedPages: readonly string[] = [],
    /** The files published as they are (images), by address. */
    private readonly files: ReadonlySet<string> = new Set(),
    /** Old addresses of pages that moved, and where each page is now. */
    private readonly moved: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const url of generatedPages) this.pages.set(url, { file: "", ids: new Set(layoutIds), sections: [] });
    for (const page of pages) {
      this.byFile.set(page.file, page.url);
      if (page.data?.draft || this.pages.has(page.url)) continue;
      const ids = new Set([...layoutIds, ...page.sections]);
      if (page.toc) ids.add("toc-title");
      this.pages.set(page.url, { file: page.file, ids, sections: page.sections });
    }
    this.drafts = new Set(pages.filter((p) => p.data?.draft).map((p) => p.url));
  }

  /** The address of the page written in a file of the content folder. */
  urlOfFile(file: string): string | undefined {
    return this.byFile.get(file);
  }

  isDraft(url: string): boolean {
    return this.drafts.has(url) || this.drafts.has(`${url}/`);
  }

  /** The page at an address: `/about/`, or `/about` for it too. */
  page(url: string): IndexedPage | undefined {
    return this.pages.get(url) ?? this.pages.get(url.endsWith("/") ? url : `${url}/`);
  }

  /** Whether an address is one of the images the site publishes: the content's, or the layouts' own (the state's logo). */
  hasImage(url: string): boolean {
    const address = sourceForm(url);
    return this.files.has(address) || (imageFile.test(address) && this.pages.has(address));
  }

  /** Whether an address that is not a page is a file the site publishes: an image, a generated file. */
  hasFile(url: string): boolean {
    return this.files.has(sourceForm(url)) || this.pages.has(sourceForm(url));
  }

  /** Where a page that moved is now, when `url` is one of its old addresses. */
  movedTo(url: string): string | undefined {
    const address = sourceForm(url);
    return this.moved.get(address) ?? this.moved.get(address.endsWith("/") ? address : `${address}/`);
  }

  urls(): string[] {
    return [...this.pages.keys()];
  }
}
