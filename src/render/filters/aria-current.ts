/**
 * How a menu item relates to the page being read: "page" when it is that page, "true" when the page is inside the
 * item's section, "" otherwise. Every page is under its language's home page, which is never marked for it.
 */
export function ariaCurrent(itemUrl: string, pageUrl: string, home = "/"): "page" | "true" | "" {
  if (itemUrl === pageUrl) return "page";
  if (itemUrl !== home && pageUrl.startsWith(itemUrl)) return "true";
  return "";
}
