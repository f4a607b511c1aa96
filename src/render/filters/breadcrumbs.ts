export interface Crumb {
  title: string;
  url: string;
}

/** The pages above this one, from "Home" down, found by the folders of its URL. */
export function breadcrumbs(pageUrl: string, titles: ReadonlyMap<string, string>): Crumb[] {
  const segments = pageUrl.split("/").filter(Boolean);
  const crumbs: Crumb[] = [];
  for (let depth = 0; depth < segments.length; depth++) {
    const url = depth === 0 ? "/" : `/${segments.slice(0, depth).join("/")}/`;
    const title = url === "/" ? "Home" : titles.get(url);
    if (title) crumbs.push({ title, url });
  }
  return crumbs;
}
