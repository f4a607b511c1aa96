// The build's rendering process (render-process.ts): Eleventy lays out the site while the build's own process checks it.
import type { PageBodies } from "./eleventy.ts";
import { failureOf } from "./failure.ts";
import type { Rendered, RenderMessage, RenderRequest } from "./render-process.ts";

// Eleventy loads while the build reads the site: the messages are listened for first, so none waits on it.
const eleventyModule = import("./eleventy.ts");

/**
 * The pages' HTML as it arrives: a page asked for before its HTML is waited for. Every page is checked, and its HTML
 * sent, before the checks pass: a page asked for and not here then was never checked, and is never written.
 */
class ArrivingBodies implements PageBodies {
  private readonly bodies = new Map<string, { html: Promise<string>; resolve(html: string): void; arrived: boolean }>();
  private checksPassed = false;

  constructor(
    private readonly pages: ReadonlySet<string>,
    private readonly unchecked: (file: string) => void,
  ) {}

  /** A page's HTML; nothing for a file that is not a page (a catalog page's inventory). */
  get(file: string): Promise<string> | undefined {
    if (!this.pages.has(file)) return undefined;
    const body = this.body(file);
    if (this.checksPassed && !body.arrived) this.unchecked(file);
    return body.html;
  }

  add(bodies: [file: string, html: string][]): void {
    for (const [file, html] of bodies) {
      const body = this.body(file);
      body.arrived = true;
      body.resolve(html);
    }
  }

  passed(): void {
    this.checksPassed = true;
    const waited = [...this.bodies].find(([, body]) => !body.arrived);
    if (waited) this.unchecked(waited[0]);
  }

  private body(file: string) {
    let body = this.bodies.get(file);
    if (!body) {
      let resolve!: (html: string) => void;
      body = { html: new Promise<string>((settle) => (resolve = settle)), resolve, arrived: false };
      this.bodies.set(file, body);
    }
    return body;
  }
}

let bodies: ArrivingBodies;

process.on("message", (message: RenderMessage) => {
  if ("bodies" in message) bodies.add(message.bodies);
  else if ("passed" in message) bodies.passed();
  else {
    bodies = new ArrivingBodies(new Set(message.model.pages.map((page) => page.file)), (file) => finish({ fileCount: 0, failure: `${file} was rendered without being checked` }));
    void render(message);
  }
});
// A build that was stopped (killed, or its terminal closed) takes its rendering with it.
process.on("disconnect", () => process.exit(1));

/** Answers the build, which then ends this process: nothing is written after. */
function finish(rendered: Rendered): void {
  process.send!(rendered);
}

async function render({ model, outputDir }: RenderRequest) {
  const { siteEleventy } = await eleventyModule;
  const eleventy = siteEleventy(() => ({ model, bodies, problems: [] }), outputDir, { indexSearch: false, pathPrefix: model.pathPrefix });
  // Its closing "Wrote 138 files" speaks of the staging folder; the commands say what they did.
  eleventy.logger.overrideLogger({ log: () => {}, warn: console.warn, error: console.error });
  let done: Rendered;
  try {
    // Only the count is kept: the rendered pages Eleventy returns are let go with this process.
    const [, templates] = await eleventy.write();
    done = { fileCount: templates.filter((t: { url?: string }) => t.url).length };
  } catch (error) {
    done = { fileCount: 0, failure: failureOf(error) };
  }
  finish(done);
}
