import path from "node:path";
import { checkExternalLinks } from "./checks/external.ts";
import { checkPageOnly, checkPagesInTurns, checkSite, CheckMemory, type CheckedSite, type CheckOptions } from "./checks/index.ts";
import type { PageWork } from "./checks/page-alone.ts";
import { sizeLimits } from "./model/files.ts";
import type { ReadPage } from "./model/pages.ts";
import { readSource } from "./model/read-source.ts";
import { loadSite, type SiteModel, type SiteOptions } from "./model/site.ts";
import { append, displayPath, problem } from "./problems/problems.ts";

/** A site read into its model and checked: what Eleventy is given to render. */
export interface PreparedSite extends CheckedSite {
  model: SiteModel;
}

/**
 * Reads the content folder into the site model and checks it, rendering each page's body once. Every command
 * starts here: the build, the check, the preview and Eleventy's own command line. Nothing here loads Eleventy.
 */
export function prepareSite(options: SiteOptions, checkOptions: CheckOptions): PreparedSite {
  return checkModel(readSite(options), checkOptions);
}

/** Reads the content folder into the site model, with what the reading found (a history too shallow, or none, to tell by). */
export function readSite(options: SiteOptions): SiteModel {
  const model = loadSite(options);
  // Outside a checkout (a copy, an archive), a translation's translated_from cannot be compared with anything.
  if (!model.commits.inRepository && model.translations.translations.size) {
    model.problems.push(problem(model.contentDir, 1, "this folder is not in a git checkout, so whether each translation keeps up with the page it translates cannot be told", "build from a clone of the site's repository to have them compared", "note"));
  }
  if (model.commits.shallow) {
    model.problems.push(
      problem(model.contentDir, 1, `this is a shallow git clone, where every page would seem last updated on the same day, so pages show no last-updated date${model.translations.translations.size ? ", and whether each translation keeps up with its English page cannot be told" : ""}`, "clone the full history (git fetch --unshallow; fetch-depth: 0 in GitHub Actions)", "warning"),
    );
  }
  return model;
}

/** Checks a site read into its model. */
export function checkModel(model: SiteModel, checkOptions: CheckOptions): PreparedSite {
  const { problems, bodies, externalLinks } = checkSite(model, checkOptions);
  return { model, bodies, problems, externalLinks };
}

/**
 * Checks a site as checkModel does, its pages' own checks a few at a time, waiting for `between` before each few:
 * npm start renders a page asked for meanwhile (see preparePageOnly, which shares the `memory`).
 */
export async function checkModelInTurns(model: SiteModel, checkOptions: CheckOptions & { memory: CheckMemory }, between: () => Promise<unknown>): Promise<PreparedSite> {
  // What spans pages is then checked in one go: a page asked for during the last few is rendered before it.
  await checkPagesInTurns(model, checkOptions.memory, between);
  return checkModel(model, checkOptions);
}

/**
 * One page of a site not yet checked as a whole, checked alone: its body, with the reading's problems and its own.
 * What npm start renders of a page asked for before the site's checks are done; the checks across pages follow.
 */
export function preparePageOnly(model: SiteModel, page: ReadPage, memory: CheckMemory): PreparedSite {
  const { source, problems } = checkPageOnly(model, page, memory);
  return { model, bodies: new Map([[page.file, source.rendered.html]]), problems: [...model.problems, ...problems], externalLinks: [] };
}

export interface CheckContentOptions extends SiteOptions {
  /** Also request every external link once (`--external`); needs the network. */
  external?: boolean;
  /** Overdue reviews fail the check (`--strict`). */
  strict?: boolean;
  /** A previous build's sitemap.xml or address list, a file or a web address (`--since`). */
  since?: string;
}

/** What the build is told while the checks go on, to render the site meanwhile; the checks wait for what it returns. */
export interface CheckProgress {
  /** The site is read, and no page checked yet. */
  read(model: SiteModel): Promise<unknown>;
  /** These pages' own checks are done. */
  checked(pages: readonly PageWork[]): Promise<unknown> | undefined;
}

/** Prepares the site with every check the command line asks for: what `npm run check` and the build both run. */
export async function checkContent(options: CheckContentOptions, progress?: CheckProgress): Promise<PreparedSite> {
  const read = options.since === undefined ? undefined : await readSource(options.since, sizeLimits.sitemap);
  const since = read?.bytes && { file: displayPath(options.since!), text: new TextDecoder().decode(read.bytes) };
  const model = readSite({ ...options, contentDir: path.resolve(options.contentDir) });
  const checkOptions = { strict: options.strict ?? false, since, memory: new CheckMemory() };
  if (progress) {
    await progress.read(model);
    await checkPagesInTurns(model, checkOptions.memory, progress.checked);
  }
  const site = checkModel(model, checkOptions);
  if (read?.failure) site.problems.push(problem(options.since!, 1, `the previous site's addresses could not be read: ${read.failure}`, read.fix));
  if (options.external) append(site.problems, await checkExternalLinks(site.externalLinks));
  return site;
}
