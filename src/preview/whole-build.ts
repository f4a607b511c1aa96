import { Worker } from "node:worker_threads";
import { eleventyPreload, tsxApi } from "../options.ts";
import type { PreparedSite } from "../prepare.ts";
import { postedModel } from "../render/handoff.ts";

/** A whole build to run: the site as read at one save (its generation), rendered into `outputDir`. */
export interface WholeBuildRequest {
  generation: number;
  site: PostedSite;
  outputDir: string;
}

/**
 * The site as handed to a build's thread. Copying it is this thread's work (half a second at 10,000 pages, most
 * of it strings one by one), so its pages come without their Markdown, which rendering never reads (it renders the
 * checked HTML), and their HTML comes as one buffer, transferred rather than cloned string by string.
 */
export interface PostedSite extends Omit<PreparedSite, "bodies"> {
  bodies: { files: string[]; ends: number[]; html: ArrayBuffer };
}

export function postedSite({ model, bodies, ...rest }: PreparedSite): PostedSite {
  const files = [...bodies.keys()];
  let end = 0;
  const ends = files.map((file) => (end += bodies.get(file)!.length));
  const html = new TextEncoder().encode(files.map((file) => bodies.get(file)).join("")).buffer;
  return { ...rest, model: postedModel(model), bodies: { files, ends, html } };
}

/** The site as posted, with each page's HTML back by its file. */
export function receivedSite({ bodies: { files, ends, html }, ...rest }: PostedSite): PreparedSite {
  // A byte-order mark at the start is a page's first character, not a mark to drop: each page's HTML is found by its offset.
  const all = new TextDecoder("utf-8", { ignoreBOM: true }).decode(html);
  return { ...rest, bodies: new Map(files.map((file, i) => [file, all.slice(ends[i - 1] ?? 0, ends[i])])) };
}

/** A whole build, written. */
export interface WholeBuildDone {
  generation: number;
  /** Every file written, by full path; none when the site could not be rendered (its data files have mistakes). */
  written?: string[];
  /** Why Eleventy stopped, in the generator's words, when it did. */
  failure?: string;
  /** What to do about the failure, when the layouts are not at fault. */
  fix?: string;
  seconds: number;
}

/**
 * npm start's whole builds, one at a time, each in a fresh thread of its own (`whole-build-worker.ts`), so the
 * preview keeps answering and showing saved pages meanwhile. Each renders the site as last read; saves read during
 * a build are built together, after it. A thread renders one site only: Eleventy keeps the layouts it compiled
 * (and the filters they were compiled with) for its thread's life, so the next build's thread is started, and
 * loads Eleventy, while the preview waits for the next save.
 */
export class WholeBuilds {
  /** The thread building now, and a fresh one ready for the next build. */
  private current?: Worker;
  private spare?: Worker;
  /** The site being built now, if any. */
  private building?: PreparedSite;
  private again = false;

  /** `latest` is the site as last read and its generation; `done` hears of each build, with the site it built. */
  constructor(
    private readonly outputDir: string,
    private readonly latest: () => { site: PreparedSite; generation: number },
    private readonly done: (build: WholeBuildDone, site: PreparedSite) => void,
  ) {
    this.spare = this.start();
  }

  /** Builds the whole site as last read, after the build in progress, if any. */
  request(): void {
    if (this.building) {
      this.again = true;
      return;
    }
    this.again = false;
    const { site, generation } = this.latest();
    const request: WholeBuildRequest = { generation, site: postedSite(site), outputDir: this.outputDir };
    this.building = site;
    this.current = this.spare ?? this.start();
    this.spare = undefined;
    this.current.postMessage(request, [request.site.bodies.html]);
  }

  async close(): Promise<void> {
    this.building = undefined;
    await Promise.all([this.current?.terminate(), this.spare?.terminate()]);
  }

  private start(): Worker {
    // Written in TypeScript, as the rest: the thread starts tsx before it loads it (Node 20 gives a thread no
    // --import), and loads Eleventy before either.
    const entry = new URL("./whole-build-worker.ts", import.meta.url).href;
    const worker = new Worker(`import(${JSON.stringify(eleventyPreload)}).then(() => import(${JSON.stringify(tsxApi)})).then(({ register }) => (register(), import(${JSON.stringify(entry)})));`, { eval: true });
    let fault: string | undefined;
    worker.on("message", (build: WholeBuildDone) => this.finished(build));
    // A thread that stops on a fault of its own is said as a build that failed; the next save starts another.
    worker.on("error", (error) => (fault = error.message));
    worker.on("exit", () => {
      if (this.spare === worker) this.spare = undefined;
      if (this.current !== worker) return;
      this.current = undefined;
      if (this.building) this.finished({ generation: 0, failure: fault ?? "the whole build's thread stopped", seconds: 0 });
    });
    return worker;
  }

  private finished(build: WholeBuildDone): void {
    const site = this.building!;
    this.building = undefined;
    const used = this.current;
    this.current = undefined;
    void used?.terminate();
    this.spare ??= this.start();
    this.done(build, site);
    if (this.again) this.request();
  }
}
