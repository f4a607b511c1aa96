/**
 * Site paths as full addresses, for canonical links, the sitemap, /reviews.json and issue reports: the site's
 * origin, the path prefix, then the path; addresses that are already full pass through. The origin is worked
 * out once and the rest is string work, because it runs several times on every page (Eleventy's htmlBaseUrl
 * parses URLs each time, half a second per 10,000 pages).
 */
export function absoluteUrlFor(siteUrl: string, pathPrefix: string): (url: string) => string {
  const base = `${new URL(siteUrl).origin}${pathPrefix.replace(/\/$/, "")}`;
  return (url) => (/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${base}${url.startsWith("/") ? url : `/${url}`}`);
}
