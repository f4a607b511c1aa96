/** "Report a problem with this page": a new issue in the source repository, its title and body filled in. */
export function reportProblemUrl(pageTitle: string, pageAddress: string, repository: string): string {
  const params = new URLSearchParams({
    title: `Problem with the page “${pageTitle}”`,
    body: `Page: ${pageAddress}\n\nWhat is wrong or missing:\n\n`,
  });
  return `${repository.replace(/\/+$/, "")}/issues/new?${params}`;
}
