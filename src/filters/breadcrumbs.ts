export interface Crumb {
  title: string;
  url: string;
}

interface PageLike {
  url: string | false;
  data: { title?: string };
}

// One address → title map per collection, not one per page: a site of 10,000 pages would otherwise do 10⁸ steps.
const titlesByCollection = new WeakMap<readonly PageLike[], Map<string, string>>();

function titlesOf(pages: readonly PageLike[]): Map<string, string> {
  let titles = titlesByCollection.get(pages);
  if (!titles) {
    titles = new Map(pages.filter((p) => p.url).map((p) => [p.url as string, p.data.title ?? ""]));
    titlesByCollection.set(pages, titles);
  }
  return titles;
}

/** The pages above this one, from "Home" down, found by the folders of its URL. */
export function breadcrumbs(pageUrl: string, pages: readonly PageLike[]): Crumb[] {
  const titles = titlesOf(pages);
  const segments = pageUrl.split("/").filter(Boolean);
  const crumbs: Crumb[] = [];
  for (let depth = 0; depth < segments.length; depth++) {
    const url = depth === 0 ? "/" : `/${segments.slice(0, depth).join("/")}/`;
    const title = url === "/" ? "Home" : titles.get(url);
    if (title) crumbs.push({ title, url });
  }
  return crumbs;
}
