interface MenuItem {
  text: string;
  url: string;
}

/**
 * The part of the site a page belongs to, for search results and the search's section filter:
 * the menu item whose address the page's address starts with, or "Site information" for pages
 * outside the menu (the statewide footer pages).
 */
export function section(pageUrl: string, menu: readonly MenuItem[]): string {
  if (pageUrl === "/") return menu.find((item) => item.url === "/")?.text ?? "Home";
  const match = menu.filter((item) => item.url !== "/" && pageUrl.startsWith(item.url)).sort((a, b) => b.url.length - a.url.length)[0];
  return match?.text ?? "Site information";
}
