import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { problem, type Problem } from "../problems/problems.ts";

/** The folders of a content folder that are not pages: the data files, the images and the inventories. */
export const dataFolderName = "_data";
export const imagesFolderName = "images";
export const inventoriesFolderName = "code-json";

/** The most any one file may weigh: enough for any real page, image or inventory, not for a file that would stall the build. */
export const sizeLimits = {
  page: 1024 * 1024,
  data: 1024 * 1024,
  image: 5 * 1024 * 1024,
  // The largest state inventory is 0.2 MB; checking a 10 MB one takes most of a minute.
  inventory: 10 * 1024 * 1024,
  // A previous site's sitemap (check --since): the sitemap protocol's own limit.
  sitemap: 50 * 1024 * 1024,
} as const;

/**
 * A page's, a data file's or a strings file's text. One saved as UTF-16 (what Notepad calls "Unicode") is not read on: as UTF-8, every
 * other character of it is a NUL, and its one problem is said instead of thousands.
 */
export function readContentText(file: string): { text: string; problem?: undefined } | { text?: undefined; problem: Problem } {
  const bytes = readFileSync(file);
  if (utf16Of(bytes)) {
    return { problem: problem(file, 1, 'the file is saved as UTF-16 (what Notepad calls "Unicode"), and the site reads only UTF-8', "save it again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)") };
  }
  return { text: bytes.toString("utf8") };
}

/**
 * Whether a text's bytes are UTF-16, and which: by its byte order mark, or without one by the zero byte beside its
 * first character, which in the text of a content file or an inventory is always ASCII.
 */
export function utf16Of(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const [first, second] = bytes;
  if ((first === 0xff && second === 0xfe) || (first !== 0 && second === 0)) return "utf-16le";
  if ((first === 0xfe && second === 0xff) || (first === 0 && second !== undefined && second !== 0)) return "utf-16be";
  return undefined;
}

/** A size in megabytes, as an editor reads it: "1.5 MB". */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2).replace(/\.?0+$/, "")} MB`;

/** Every file of a content folder, sorted by what it is. Nothing else in the folder reaches the site. */
export interface ContentFiles {
  pages: string[];
  dataFiles: string[];
  images: string[];
  inventories: string[];
  problems: Problem[];
}

/** The names Windows keeps for devices, whatever follows their first dot (nul.md is NUL): no file or folder may have one. */
export const windowsDevice = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

/** Files that editors' computers and tools leave behind; they are never published and need no word. */
const systemFiles = new Set([".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep", ".git", ".gitattributes", ".gitignore", "node_modules"]);

/** What a file holds, by the end of its name, when it is code or a template rather than a page. */
const codeExtensions = /\.(c?js|mjs|ts|cts|mts|jsx|tsx|njk|liquid|hbs|mustache|ejs|haml|pug|webc|11ty\.\w+|html?|php|sh|py)$/i;

/** A Markdown page under another ending than the one pages have: "Guide.MD", "guide.markdown". */
const markdownName = /\.(md|markdown|mdown|mkdn?|mkd)$/i;

const kindOfFolder = (relative: string) => {
  const top = relative.split("/")[0];
  return top === dataFolderName ? "data" : top === imagesFolderName ? "image" : top === inventoriesFolderName ? "inventory" : "page";
};

/**
 * Walks a content folder without following a symbolic link, and sorts every file: pages (`.md`), data files
 * (`_data/`), images (`images/`) and inventories (`code-json/`). Anything else is refused or, when it cannot be
 * published, named, so that no file reaches the site unseen and no editor wonders why theirs did not.
 */
export function findContentFiles(contentDir: string): ContentFiles {
  const found: ContentFiles = { pages: [], dataFiles: [], images: [], inventories: [], problems: [] };
  const refuse = (file: string, message: string, fix: string, severity: "error" | "warning" = "error") => found.problems.push(problem(file, 1, message, fix, severity));
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (systemFiles.has(entry.name)) continue;
      const full = path.join(dir, entry.name);
      const relative = path.relative(contentDir, full).split(path.sep).join("/");
      const kind = kindOfFolder(relative);
      if (entry.name.includes("\uFFFD")) {
        refuse(full, `the name of ${relative} is not written in UTF-8, so it cannot be read`, "rename it, typing its name again");
        continue;
      }
      const device = windowsDevice.exec(entry.name)?.[1];
      if (device) {
        // Any file in the repository, published or not: git on Windows cannot write it, so no one there can edit the site.
        const kindWord = entry.isDirectory() ? (kind === "image" ? "images" : "pages") : kind;
        const [what, renamed] = [entry.isDirectory() ? "folder" : "file", `${device}-${kindWord}${entry.name.slice(device.length)}`];
        refuse(full, `the ${what} name "${entry.name}" is one Windows keeps for a device (${device.toUpperCase()}), so the repository could not be copied to a Windows computer to edit it`, `rename the ${what}, such as "${renamed}"`);
      }
      if (entry.isSymbolicLink()) {
        refuse(full, `${relative} is a symbolic link, and the site publishes only files that are in the repository`, "replace the link with a copy of the file it points to");
        continue;
      }
      if (entry.name.startsWith(".")) {
        refuse(full, `${relative} is hidden (its name starts with "."), so it is not published`, "rename it without the dot if it belongs on the site, or move it out of the content folder", "warning");
        continue;
      }
      if (entry.name.startsWith("_") && relative !== dataFolderName) {
        refuse(full, `${relative} is not published: names starting with "_" are kept for the site's data folder (_data)`, "rename it without the underscore if it belongs on the site, or move it out of the content folder", "warning");
        continue;
      }
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      if (!entry.isFile()) {
        refuse(full, `${relative} is not an ordinary file`, "remove it from the content folder");
        continue;
      }
      if (kind === "data") found.dataFiles.push(full);
      else if (kind === "image") found.images.push(full);
      else if (kind === "inventory") sortInventory(full, relative);
      else if (entry.name.endsWith(".md")) found.pages.push(full);
      else if (markdownName.test(entry.name)) {
        const name = entry.name.replace(markdownName, ".md");
        refuse(full, `${relative} is not published: only names ending in ".md", in small letters, are pages`, `rename it "${name}"`);
      } else if (codeExtensions.test(entry.name)) {
        refuse(full, `${relative} is code or a template, and the content folder holds no code`, "write the page in Markdown (a .md file), or remove this file");
      } else {
        refuse(full, `${relative} is not a page, and only pages (.md files) and files in ${imagesFolderName}/ are published`, `move it to content/${imagesFolderName}/ if it is an image, or remove it`);
      }
    }
  };
  const sortInventory = (full: string, relative: string) => {
    if (full.endsWith(".json")) found.inventories.push(full);
    else refuse(full, `${relative} is not a code.json inventory: ${inventoriesFolderName}/ holds only .json files`, "remove it, or save the inventory as a .json file");
  };
  walk(contentDir);
  found.pages.sort();
  return found;
}
