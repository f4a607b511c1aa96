import path from "node:path";

export interface EditSettings {
  repository: string;
  branch: string;
  content_path: string;
}

/** "Edit this page": the page's file in the source repository's web editor. */
export function editUrl(inputPath: string, contentDir: string, settings: EditSettings): string {
  const relative = path.relative(contentDir, path.resolve(inputPath)).split(path.sep).join("/");
  const inRepository = [settings.content_path.replace(/^\/+|\/+$/g, ""), relative].filter(Boolean).join("/");
  return `${settings.repository.replace(/\/+$/, "")}/edit/${settings.branch}/${inRepository}`;
}
