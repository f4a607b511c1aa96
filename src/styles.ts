import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const stylesheetSource = path.join(root, "_includes", "css", "site.scss");

/** The site's one stylesheet: the state design system's styles and ours, compiled and minified. */
export function compileStyles(): string {
  return sass.compile(stylesheetSource, {
    style: "compressed",
    loadPaths: [path.join(root, "node_modules")],
    silenceDeprecations: ["import", "global-builtin", "slash-div", "color-functions"],
    quietDeps: true,
  }).css;
}
