import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { startSearchIndex } from "./pagefind.ts";

/**
 * The preview's search index, brought up to date behind its pages: a saved page is served, and the browser told
 * to reload, as soon as it is written, and the index follows. Each index is built beside the one searched and
 * swapped in whole, so a search meanwhile finds the site as it was a save ago, never half an index. Saves that
 * come while it is built are indexed together, once it is done.
 */
export class SearchCatchUp {
  private running?: Promise<void>;
  private nextSite?: string;

  constructor(private readonly onErrors: (errors: readonly string[]) => void) {}

  /** Indexes the site in `siteDir` as it is now, after the index in progress, if any. */
  request(siteDir: string): void {
    this.nextSite = siteDir;
    this.running ??= this.drain();
  }

  private async drain(): Promise<void> {
    try {
      for (let siteDir = this.take(); siteDir; siteDir = this.take()) await this.index(siteDir);
    } finally {
      this.running = undefined;
    }
  }

  private take(): string | undefined {
    const siteDir = this.nextSite;
    this.nextSite = undefined;
    return siteDir;
  }

  private async index(siteDir: string): Promise<void> {
    const [next, current, old] = [".pagefind-next", "pagefind", ".pagefind-old"].map((name) => path.join(siteDir, name)) as [string, string, string];
    await rm(next, { recursive: true, force: true });
    const { errors } = await startSearchIndex(siteDir, undefined, next, true).finished;
    if (errors.length) {
      this.onErrors(errors);
      return;
    }
    await rm(old, { recursive: true, force: true });
    await rename(current, old).catch(() => {});
    await rename(next, current);
    await rm(old, { recursive: true, force: true });
  }
}
