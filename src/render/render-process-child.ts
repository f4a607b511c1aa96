// The build's rendering process (render-process.ts): Eleventy lays out the site while the build's own process checks it.
import { renderFailure } from "./render-failure.ts";
import type { PageBodies } from "./eleventy.ts";
import type { Rendered, RenderMessage, RenderRequest } from "./render-process.ts";

// Eleventy loads while the build reads the site; a failure to load it is said when the site arrives.
const eleventyModule = import("./eleventy.ts");
eleventyModule.catch(() => {});

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

/** Answers the build, which then ends this process: nothing is written after. */
function finish(rendered: Rendered): void {
  process.send!(rendered);
}

// The first message is the site; the pages' HTML, then word that the checks passed, follow it.
process.once("message", (request: RenderRequest) => {
  const bodies = new ArrivingBodies(new Set(request.model.pages.map((page) => page.file)), (file) => finish({ fileCount: 0, failure: `${file} was rendered without being checked` }));
  process.on("message", (message: Exclude<RenderMessage, RenderRequest>) => ("bodies" in message ? bodies.add(message.bodies) : bodies.passed()));
  void render(request, bodies).then(finish);
});
// A build that was stopped (killed, or its terminal closed) takes its rendering with it.
process.on("disconnect", () => process.exit(1));

async function render({ model, outputDir }: RenderRequest, bodies: PageBodies): Promise<Rendered> {
  try {
    const { siteEleventy } = await eleventyModule;
    const eleventy = siteEleventy(() => ({ model, bodies, problems: [] }), outputDir, { indexSearch: false, pathPrefix: model.pathPrefix });
    // Eleventy may be rendering a site whose checks will fail, which it would print its own errors of (with their
    // traces): why it stopped reaches the build, which says it in its own words. Its "Wrote 138 files" speaks of
    // the staging folder; the commands say what they did.
    eleventy.logger.overrideLogger({ log: () => {}, warn: () => {}, error: () => {} });
    // Only the count is kept: the rendered pages Eleventy returns are let go with this process.
    const [, templates] = await eleventy.write();
    return { fileCount: templates.filter((t: { url?: string }) => t.url).length };
  } catch (error) {
    const { page, message, fix } = renderFailure(error, model.contentDir);
    return { fileCount: 0, failure: message, failedPage: page, fix };
  }
}
