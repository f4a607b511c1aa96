import { section } from "./section.ts";

interface MenuItem {
  text: string;
  url: string;
}

/** The sections search can be narrowed to: one for each part of the site that has a page, sorted. */
export function sectionNames(pageUrls: readonly string[], menu: readonly MenuItem[], home = "/", outside?: string): string[] {
  return [...new Set(pageUrls.map((url) => section(url, menu, home, outside)))].sort((a, b) => a.localeCompare(b));
}
