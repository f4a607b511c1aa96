/**
 * A site path as a full address, for canonical links, the sitemap and issue reports: the site's origin, the path
 * prefix, then the path. Addresses that are already full pass through. Plain string work, because it runs several
 * times on every page (Eleventy's htmlBaseUrl parses URLs each time, half a second per 10,000 pages).
 */
export function absoluteUrl(url: string, siteUrl: string, pathPrefix: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  return `${new URL(siteUrl).origin}${pathPrefix.replace(/\/$/, "")}${url.startsWith("/") ? url : `/${url}`}`;
}
