import type { Worker } from "node:worker_threads";
import type { PreparedSite } from "../prepare.ts";
import { postBodies, postedModel, receiveBodies, startThread, type PostedBodies } from "../render/handoff.ts";

/** A whole build to run: the site as read at one save (its generation), rendered into `outputDir`. */
export interface WholeBuildRequest {
  generation: number;
  site: PostedSite;
  outputDir: string;
}

/** The site as handed to a build's thread: its pages without their Markdown, their HTML in one buffer (`handoff.ts`). */
export interface PostedSite extends Omit<PreparedSite, "bodies"> {
  bodies: PostedBodies;
}

export function postedSite({ model, bodies, ...rest }: PreparedSite): PostedSite {
  return { ...rest, model: postedModel(model), bodies: postBodies(bodies) };
}

/** The site as posted, with each page's HTML back by its file. */
export function receivedSite({ bodies, ...rest }: PostedSite): PreparedSite {
  return { ...rest, bodies: receiveBodies(bodies) };
}

/** A whole build, written. */
export interface WholeBuildDone {
  generation: number;
  /** Every file written, by full path; none when the site could not be rendered (its data files have mistakes). */
  written?: string[];
  /** Why Eleventy stopped, in its words, when it did. */
  failure?: string;
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
    const worker = startThread(new URL("./whole-build-worker.ts", import.meta.url));
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
