import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { SiteModel } from "../model/site.ts";
import { eleventyPreload, tsxLoader } from "../options.ts";
import { postedModel } from "./handoff.ts";

/** The site as read, without its Markdown, and where to write it. */
export interface RenderRequest {
  model: SiteModel;
  outputDir: string;
}

/** What the process is told, in this order: the site; pages' HTML, a few at a time, as their checks pass; that the checks passed. */
export type RenderMessage = RenderRequest | { bodies: [file: string, html: string][] } | { passed: true };

/** What it answers once Eleventy has written the site, or stopped. */
export interface Rendered {
  /** How many files were written: pages and generated files. */
  fileCount: number;
  /** Why Eleventy stopped, in the generator's words, when it did. */
  failure?: string;
  /** The page it stopped on, by its Markdown file, when it named one. */
  failedPage?: string;
  /** What to do about the failure, when the layouts are not at fault. */
  fix?: string;
}

/**
 * Eleventy rendering a site in a process of its own, on the other core, while this one checks it. It lays out every
 * page as soon as the site is read, and writes each page once its checked HTML arrives: that of a page whose own
 * checks found no error. Only the staging folder is written to, and it is published only when every check passed;
 * a page with errors is never written at all. A process rather than a thread: Eleventy's memory and the checks'
 * would otherwise add up in one process, past the 1 GB any one process of the build may use at 10,000 pages.
 */
export class RenderProcess {
  private readonly child: ChildProcess;
  private readonly rendered: Promise<Rendered>;
  private readonly exited: Promise<void>;

  /** Starts the process, which loads Eleventy meanwhile; `render` hands it the site. */
  constructor() {
    // Structured clone over the channel, as between threads: the model's Maps and Sets arrive as they are.
    // What it prints is not for editors: why it stopped, if it did, comes as its answer.
    // V8 lets a heap grow up to four times its live size before collecting, and Eleventy leaves much garbage: a
    // catalog of 20,000 releases took this process to 1 GB with 540 MB live. Growing by half at most held it
    // to 770 MB, at no cost in time measured; unlike a fixed limit, a larger site still renders.
    const execArgv = ["--import", eleventyPreload, "--import", tsxLoader, "--heap-growing-percent=50"];
    this.child = fork(fileURLToPath(new URL("./render-process-child.ts", import.meta.url)), [], { execArgv, serialization: "advanced", stdio: ["ignore", "ignore", "ignore", "ipc"] });
    this.exited = new Promise((resolve) => {
      this.child.once("exit", () => resolve());
      // A process that could not be started never exits.
      this.child.on("error", () => this.child.pid === undefined && resolve());
    });
    this.rendered = new Promise((resolve) => {
      this.child.once("message", (done: Rendered) => resolve(done));
      this.child.on("error", (error) => resolve({ fileCount: 0, failure: `the rendering process failed: ${error.message}` }));
      this.child.once("exit", (code, signal) => resolve({ fileCount: 0, failure: `the rendering process stopped (${signal ?? `exit code ${code}`})` }));
    });
  }

  /** The site to render into `outputDir`, once read: sent whole before any page is checked. */
  render(model: SiteModel, outputDir: string): Promise<void> {
    return this.post({ model: postedModel(model), outputDir });
  }

  /**
   * Pages whose own checks found no error, with their HTML, by file. What is sent is written to the other process
   * only while this one waits for I/O, and the checks run in long synchronous stretches: the promise returned lets
   * this process write what the other can take now, without waiting for it to take it all.
   */
  add(bodies: [file: string, html: string][]): Promise<void> {
    if (bodies.length) void this.post({ bodies });
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Every check passed: waits for the last pages to be written. */
  async finish(): Promise<Rendered> {
    this.post({ passed: true });
    const rendered = await this.rendered;
    await this.stop();
    return rendered;
  }

  /** Stops the process, and waits until it has: nothing more is written after. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
    await this.exited;
  }

  /** Sends a message, resolving once it is written (the site is sent whole before any page is checked). */
  private post(message: RenderMessage): Promise<void> {
    // A process that has stopped takes no more; why it stopped is its answer (`rendered`).
    return new Promise((resolve) => (this.child.connected ? this.child.send(message, () => resolve()) : resolve()));
  }
}
