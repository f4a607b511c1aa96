import { servedUrl } from "../model/addresses.ts";
import { siteEleventy } from "../render/eleventy.ts";
import type { ReadPage } from "../model/pages.ts";
import type { SiteModel } from "../model/site.ts";
import type { PreparedSite } from "../prepare.ts";
import type { Problem } from "../problems/problems.ts";

/**
 * Past this many, a save's pages (a branch switched, a folder renamed) are not worth rendering twice: the whole
 * site, built at once, shows them as soon.
 */
export const aheadLimit = 100;

/**
 * The pages a save changed, by file: those new, or whose text differs from the model before it. They are rendered
 * first, and shown, while the rest of the site is built again behind them; none when there are more than `aheadLimit`.
 */
export function pagesToRenderAhead(before: Pick<SiteModel, "pages">, after: Pick<SiteModel, "pages">): Set<string> {
  const texts = new Map(before.pages.map((page) => [page.file, page.text]));
  const changed = after.pages.filter((page) => texts.get(page.file) !== page.text).map((page) => page.file);
  return new Set(changed.length <= aheadLimit ? changed : []);
}

/** Pages rendered ahead of a whole build, by the file each would be written to, and the site's problems with them. */
export type ShowAhead = (pages: ReadonlyMap<string, string>, problems: readonly Problem[], generation: number) => void;

/** A page rendered ahead, with the problems of the site it was rendered from, and that reading's number. */
export interface RenderedAhead {
  pages: ReadonlyMap<string, string>;
  problems: readonly Problem[];
  generation: number;
  /**
   * False for a page asked for while the site is still being checked: checked alone, it shows its own problems but
   * not those that span pages (a link to a page that does not exist), so it is shown to whoever asked, and kept by no one.
   */
  checked: boolean;
}

/**
 * npm start's site as of the latest save. Each save is read and checked at once, and the pages it changed are
 * rendered alone and shown, even while a whole build of an earlier save is running. Each reading is numbered (its
 * generation), so the preview can tell a whole build of the latest save from one of an earlier save. The first
 * reading is checked a few pages at a time (`checkFirstReading`): a page asked for meanwhile is checked alone and
 * shown first, and a save meanwhile is read once the first reading is checked.
 */
export class SavedSite {
  private current = 1;
  /** The site as last read and checked; none until the first reading is checked. */
  private site?: PreparedSite;
  private rendering?: Promise<void>;
  /** The pages asked for that are being rendered, by save and file. */
  private readonly asked = new Map<string, Promise<RenderedAhead | undefined>>();
  /** The last render begun: Eleventy renders one site at a time in a thread. */
  private lastRender: Promise<unknown> = Promise.resolve();
  private renderAgain = false;
  /** A save while the first reading was being checked, read once it is. */
  private savedMeanwhile = false;

  constructor(
    /** The content folder as first read, until it is checked. */
    private first: SiteModel | undefined,
    /**
     * `read` reads and checks the content folder (and says what is wrong); `checkPage` checks one page of a reading
     * alone; `show` serves the pages rendered ahead; `wasRead` hears of each reading, once its pages are shown;
     * `failed` of a save that could not be read, and answers whether to read the content folder again.
     */
    private readonly options: {
      read: () => PreparedSite;
      checkPage: (model: SiteModel, page: ReadPage) => PreparedSite;
      outputDir: string;
      show: ShowAhead;
      wasRead: () => void;
      failed: (error: unknown) => boolean;
    },
  ) {}

  /**
   * Checks the first reading with `check`, which waits for what it is given between a few pages and the next: a page
   * asked for meanwhile is rendered first. A save meanwhile is read once it is checked.
   */
  async checkFirstReading(check: (model: SiteModel, between: () => Promise<unknown>) => Promise<PreparedSite>): Promise<PreparedSite> {
    const site = (this.site = await check(this.first!, () => new Promise((resolve) => setImmediate(resolve)).then(() => this.lastRender)));
    this.first = undefined;
    if (this.savedMeanwhile) {
      this.savedMeanwhile = false;
      this.saved();
    }
    return site;
  }

  /** The site as last read and checked, and that reading's number. */
  latest(): { site: PreparedSite; generation: number } {
    if (!this.site) throw new Error("the site is not checked yet: nothing can be built of it before checkFirstReading");
    return { site: this.site, generation: this.current };
  }

  /** A file in the content folder was saved: it is read at once, and its pages shown as soon as they are rendered. */
  saved(): void {
    if (!this.site) {
      this.savedMeanwhile = true;
      return;
    }
    if (this.rendering) {
      this.renderAgain = true;
      return;
    }
    this.rendering = (async () => {
      try {
        do {
          this.renderAgain = false;
          try {
            await this.renderAhead();
          } catch (error) {
            if (this.options.failed(error)) this.renderAgain = true;
          }
        } while (this.renderAgain);
      } finally {
        this.rendering = undefined;
      }
    })();
  }

  /** Resolves once the pages of every save so far are rendered and shown. */
  async rendered(): Promise<void> {
    while (this.rendering) await this.rendering;
  }

  /**
   * Renders alone the page published at an address (`/about/`), as of the latest save: what the preview serves
   * when a page is asked for before the first whole build has written it. Undefined when no page is there.
   */
  renderPage(url: string): Promise<RenderedAhead | undefined> {
    const checked = this.site;
    const model = checked?.model ?? this.first!;
    const generation = this.current;
    const page = model.data && model.pages.find((candidate) => servedUrl(candidate.url) === url);
    if (!page) return Promise.resolve(undefined);
    // A page open in two tabs is rendered once for both.
    const key = `${generation} ${checked ? "checked" : "alone"} ${page.file}`;
    const known = this.asked.get(key);
    if (known) return known;
    const rendering = (async () => {
      const site = checked ?? this.options.checkPage(model, page);
      const pages = await this.render(site, new Set([page.file]));
      return pages.size ? { pages, problems: site.problems, generation, checked: Boolean(checked) } : undefined;
    })();
    this.asked.set(key, rendering);
    const forget = () => void this.asked.delete(key);
    rendering.then(forget, forget);
    return rendering;
  }

  private async renderAhead(): Promise<void> {
    const before = this.site!;
    const site = (this.site = this.options.read());
    const generation = ++this.current;
    const changed = pagesToRenderAhead(before.model, site.model);
    try {
      if (changed.size && site.model.data) {
        const pages = await this.render(site, changed);
        if (pages.size) this.options.show(pages, site.problems, generation);
      }
    } finally {
      // A reading is heard of (its problems said, the whole site built) even when its pages could not be shown.
      this.options.wasRead();
    }
  }

  /** Renders these pages alone (by file): the HTML of each, by the file it would be written to. */
  private render(site: PreparedSite, only: ReadonlySet<string>): Promise<Map<string, string>> {
    const rendering = this.lastRender.then(() => this.renderNow(site, only));
    this.lastRender = rendering.catch(() => {});
    return rendering;
  }

  private async renderNow(site: PreparedSite, only: ReadonlySet<string>): Promise<Map<string, string>> {
    const ahead = siteEleventy(() => site, this.options.outputDir, { indexSearch: false, preview: true, only, pathPrefix: site.model.pathPrefix });
    ahead.logger.overrideLogger({ log: () => {}, warn: () => {}, error: () => {} });
    // A page that cannot be rendered alone is left to the whole build, which names what is wrong with it.
    const rendered: { outputPath: string | false; content: string }[] = await ahead.toJSON().catch(() => []);
    return new Map(rendered.flatMap((page) => (page.outputPath ? [[page.outputPath, page.content] as const] : [])));
  }
}
