/**
 * How a menu item relates to the page being read: "page" when it is that page,
 * "true" when the page is inside the item's section, "" otherwise.
 */
export function ariaCurrent(itemUrl: string, pageUrl: string): "page" | "true" | "" {
  if (itemUrl === pageUrl) return "page";
  if (itemUrl !== "/" && pageUrl.startsWith(itemUrl)) return "true";
  return "";
}
