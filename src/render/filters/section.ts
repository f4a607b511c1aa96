interface MenuItem {
  text: string;
  url: string;
}

/**
 * The part of the site a page belongs to, for search results and the search's section filter: the menu item whose
 * address the page's address starts with, or `outside` ("Site information") for pages outside the menu (the
 * statewide footer pages, and the home page where the menu has no link to it). `home` is the home page of the page's language, which every page is under.
 */
export function section(pageUrl: string, menu: readonly MenuItem[], home = "/", outside = "Site information"): string {
  if (pageUrl === home) return menu.find((item) => item.url === home)?.text ?? outside;
  const match = menu.filter((item) => item.url !== home && pageUrl.startsWith(item.url)).sort((a, b) => b.url.length - a.url.length)[0];
  return match?.text ?? outside;
}
