import type { SiteModel } from "../model/site.ts";

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
