import path from "node:path";
import { messageOf, printable } from "./problems.ts";

/**
 * The system's code of an error the file system gave, and its file when the system names it (it does not for a
 * folder read as a file); undefined for any other error.
 */
export function fileErrorOf(error: unknown): { code: string; file?: string } | undefined {
  const { code, syscall, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  return typeof code === "string" && typeof syscall === "string" ? { code, file } : undefined;
}

/** Where `file` is inside `folder`, as a relative path; undefined when it is the folder itself, or outside it. */
export function insideFolder(folder: string, file: string): string | undefined {
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : undefined;
}

/**
 * Why `name` could not be read or written, in plain words instead of the system's code. The name is printed as `printable`
 * writes it: a file's name is the editor's to choose, and must not forge a line or drive the terminal.
 */
export function whyUnreadable(name: string, code: string | undefined): string {
  const shown = printable(name);
  if (code === "ENOENT") return `there is no file at ${shown}`;
  if (code === "EISDIR") return `${shown} is a folder, not a file`;
  if (code === "EACCES" || code === "EPERM") return `${shown} cannot be opened: this account is not allowed to`;
  return `${shown} cannot be opened`;
}

/** Why no folder could be made where a site is to be written, from the system's code. */
export function whyNoFolder(code: string | undefined): string {
  if (code === "EACCES" || code === "EPERM") return "this account is not allowed to write there";
  if (code === "EROFS") return "the disk there can only be read";
  if (code === "ENOSPC" || code === "EDQUOT") return "the disk is full";
  if (code === "ENAMETOOLONG") return "the path is longer than the system allows";
  if (code === "EEXIST") return "something that is not a folder is there already, such as a link to a folder that is gone";
  if (code === "ENOENT") return "the folder it would go in is one the system keeps for itself";
  return "the system allows no folder there";
}

/**
 * An error in words fit to print: the file system's in plain words, naming its file from `folder` when it is in it;
 * any other's message, made printable.
 */
export function wordsOf(error: unknown, folder?: string): string {
  const failed = fileErrorOf(error);
  if (!failed) return printable(messageOf(error));
  const { file = "a file of the site", code } = failed;
  return whyUnreadable((folder !== undefined && insideFolder(folder, file)) || file, code);
}
