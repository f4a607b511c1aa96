/** The browser tab's title: "About | Code California", or the site's name alone on the home page. */
export function pageTitle(title: string, siteName: string): string {
  return !title || title === siteName ? siteName : `${title} | ${siteName}`;
}
