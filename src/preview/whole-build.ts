import { Worker } from "node:worker_threads";
import { tsxApi } from "../options.ts";
import type { PreparedSite } from "../prepare.ts";

/** A whole build to run: the site as read at one save (its generation), rendered into `outputDir`. */
export interface WholeBuildRequest {
  generation: number;
  site: PreparedSite;
  outputDir: string;
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
 * npm start's whole builds, one at a time, in a thread of their own (`whole-build-worker.ts`), so the preview keeps
 * answering and showing saved pages meanwhile. Each renders the site as last read; saves read during a build are
 * built together, after it.
 */
export class WholeBuilds {
  private worker: Worker;
  /** The site being built now, if any. */
  private building?: PreparedSite;
  private again = false;

  /** `latest` is the site as last read and its generation; `done` hears of each build, with the site it built. */
  constructor(
    private readonly outputDir: string,
    private readonly latest: () => { site: PreparedSite; generation: number },
    done: (build: WholeBuildDone, site: PreparedSite) => void,
  ) {
    this.worker = this.start(done);
  }

  private start(done: (build: WholeBuildDone, site: PreparedSite) => void): Worker {
    // Written in TypeScript, as the rest: the thread starts tsx before it loads it (Node 20 gives a thread no --import).
    const entry = new URL("./whole-build-worker.ts", import.meta.url).href;
    const worker = new Worker(`import(${JSON.stringify(tsxApi)}).then(({ register }) => (register(), import(${JSON.stringify(entry)})));`, { eval: true });
    const finished = (build: WholeBuildDone) => {
      const site = this.building!;
      this.building = undefined;
      done(build, site);
      if (this.again) this.request();
    };
    worker.on("message", finished);
    // A thread that stops on a fault of its own is said as a build that failed, and the next save starts another.
    worker.on("error", (error) => {
      this.worker = this.start(done);
      if (this.building) finished({ generation: 0, failure: error.message, seconds: 0 });
    });
    return worker;
  }

  /** Builds the whole site as last read, after the build in progress, if any. */
  request(): void {
    if (this.building) {
      this.again = true;
      return;
    }
    this.again = false;
    const request: WholeBuildRequest = { ...this.latest(), outputDir: this.outputDir };
    this.building = request.site;
    this.worker.postMessage(request);
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
