import { problem, type Problem } from "../problems/problems.ts";
import type { PageText } from "./page-source.ts";
import { sourceForm, type Reference } from "./references.ts";
import type { SiteIndex } from "./site-index.ts";

/** Images: files that exist, from this site, each with a text alternative. */
export function checkImages(page: PageText, refs: readonly Reference[], index: SiteIndex): Problem[] {
  const problems: Problem[] = [];
  for (const ref of refs) {
    if (ref.kind !== "image") continue;
    const report = (message: string, fix: string) => problems.push(problem(page.file, ref.line, message, fix, "error", ref.column));
    if (ref.text === undefined || (!ref.fromHtml && !ref.text.trim())) {
      report(
        `the image "${ref.written}" has no alt text`,
        ref.fromHtml ? 'add alt="what the image shows" (or alt="" if it is only decoration)' : "describe what the image shows between the square brackets: ![A map of California](…)",
      );
    }
    if (/^\s*(javascript|data):/i.test(ref.url)) {
      report("the image is embedded as a data: address", "save the image in content/images/ and link to it, such as /images/map.png");
      continue;
    }
    const { resolved } = ref;
    if (resolved.kind === "external") {
      report(`the image ${ref.written} is loaded from another website`, "save a copy in content/images/ and link to it: pages load nothing from other servers");
    } else if (resolved.kind === "internal") {
      if (index.hasImage(resolved.path)) continue;
      if (!ref.url.trim()) report("the image has no address", "write the image's address between the round brackets, such as /images/map.png");
      // A page, or a file the site makes (sitemap.xml), shows as a broken image.
      else if (index.hasFile(resolved.path)) report(`the image "${ref.written}" is the address of a page or another file, not of an image`, "give the address of an image in content/images/, such as /images/map.png");
      else report(`the image "${ref.written}" does not exist`, `add the file to content${sourceForm(resolved.path)}, or correct the address`);
    } else {
      report(`the image address "${ref.written}" is not valid${resolved.kind === "malformed" ? `: ${resolved.reason}` : ""}`, "use the address of a file in content/images/, such as /images/map.png");
    }
  }
  return problems;
}
