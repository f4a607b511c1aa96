import path from "node:path";

export interface EditSettings {
  repository: string;
  branch: string;
  content_path: string;
}

/** A path in an address, each of its names percent-encoded: a # or ? in a name would end the path there. */
const addressPath = (names: string) => names.split("/").map(encodeURIComponent).join("/");

/** "Edit this page": the page's file in the source repository's web editor. */
export function editUrl(inputPath: string, contentDir: string, settings: EditSettings): string {
  const relative = path.relative(contentDir, path.resolve(inputPath)).split(path.sep).join("/");
  const inRepository = [settings.content_path.replace(/^\/+|\/+$/g, ""), relative].filter(Boolean).join("/");
  return `${settings.repository.replace(/\/+$/, "")}/edit/${addressPath(settings.branch)}/${addressPath(inRepository)}`;
}
