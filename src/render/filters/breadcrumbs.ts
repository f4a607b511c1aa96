export interface Crumb {
  title: string;
  url: string;
}

/** The pages above this one, from its language's home page (`home`, called `homeTitle`) down, found by the folders of its URL. */
export function breadcrumbs(pageUrl: string, titles: ReadonlyMap<string, string>, home = "/", homeTitle = "Home"): Crumb[] {
  if (!pageUrl.startsWith(home) || pageUrl === home) return [];
  const segments = pageUrl.slice(home.length).split("/").filter(Boolean);
  const crumbs: Crumb[] = [];
  for (let depth = 0; depth < segments.length; depth++) {
    const url = `${home}${segments.slice(0, depth).map((segment) => `${segment}/`).join("")}`;
    const title = url === home ? homeTitle : titles.get(url);
    if (title) crumbs.push({ title, url });
  }
  return crumbs;
}
