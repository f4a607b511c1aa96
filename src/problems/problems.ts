import path from "node:path";
import { mayBeHidden } from "./hidden-characters.ts";

export type Severity = "error" | "warning" | "note";

/** One thing an editor got wrong (or should know), pointed at a place in a file. */
export interface Problem {
  /** Path of the file, relative to the project folder when it is inside it. */
  file: string;
  line: number;
  column?: number;
  severity: Severity;
  /** What is wrong, in the editor's words. */
  message: string;
  /** How to fix it. */
  fix?: string;
  /** The message said of any entry of a list, so a fault found in many entries can be printed once. */
  kind?: string;
}

export function problem(
  file: string,
  line: number,
  message: string,
  fix?: string,
  severity: Severity = "error",
  column?: number,
  kind?: string,
): Problem {
  return { file: displayPath(file), line, column, severity, message, fix, ...(kind === undefined ? {} : { kind }) };
}

/** Paths are shown relative to the working folder, as an editor sees them in the repository; web addresses as they are. */
export function displayPath(file: string): string {
  if (/^https?:\/\//i.test(file)) return file;
  const relative = path.relative(process.cwd(), file);
  const outside = relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? file : relative.split(path.sep).join("/");
}

export function formatProblem(p: Problem): string {
  const place = `${p.file}:${p.line}${p.column ? `:${p.column}` : ""}`;
  return printable(`${place} ${p.severity}: ${p.message}${p.fix ? ` — ${p.fix}` : ""}`);
}

/**
 * Text an editor wrote (a file name, a field), printed on one line: a line break in it would start a line of its
 * own in a CI log, read there as a workflow command (`::notice …`), an escape character would drive the terminal,
 * and a text-direction control would show the line in another order. Each is shown as written in JavaScript: \n, \u001b, \u202e.
 */
export function printable(text: string): string {
  return text.replace(unprintable, (c) => ({ "\n": "\\n", "\r": "\\r" })[c] ?? (c.length > 1 ? `\\u{${c.codePointAt(0)!.toString(16)}}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

/** What `printable` shows as written in JavaScript: what nobody would see, line breaks, and the marks that set a line's direction. */
const unprintable = new RegExp(`${mayBeHidden.source}|[\\n\\r\\u2028\\u2029\\u200e\\u200f\\u061c]`, "gu");

/** The first `length` characters of a text too long to quote whole in a message, marked as cut; never half an emoji. */
export function startOf(text: string, length = 100): string {
  let end = 0;
  for (let taken = 0; taken < length && end < text.length; taken++) end += text.codePointAt(end)! > 0xffff ? 2 : 1;
  return end >= text.length ? text : `${text.slice(0, end)}…`;
}

/** GitHub Actions annotation, so the problem shows on the pull request's diff. */
export function formatAnnotation(p: Problem): string {
  const command = p.severity === "note" ? "notice" : p.severity;
  // GitHub's escapes for a command's text, and for its properties (where : and , separate them).
  const data = (s: string) => printable(s).replace(/%/g, "%25");
  const property = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const col = p.column ? `,col=${p.column}` : "";
  return `::${command} file=${property(p.file)},line=${p.line}${col}::${data(p.message + (p.fix ? ` — ${p.fix}` : ""))}`;
}

/** Problems of one kind in one file, as the missing tags of many releases are: one message, every place. */
export interface ProblemGroup {
  /** The message said of any entry: `"tags" in each entry of "releases": has no tags`. */
  message: string;
  fix: string;
  count: number;
  /**
   * Where they are, each once: their lines, or where some share a line (an inventory written on one line has every
   * fault on line 1) line:column, as an editor's "go to line" takes it.
   */
  places: string[];
  problems: Problem[];
}

/** Groups problems of one kind in one file, in the order they were found. */
export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, { message: string; fix: string; problems: Problem[] }>();
  for (const p of problems) {
    const message = p.kind ?? p.message;
    const key = [p.file, p.severity, message, p.fix].join("\u0000");
    if (!groups.has(key)) groups.set(key, { message, fix: p.fix ?? "", problems: [] });
    groups.get(key)!.problems.push(p);
  }
  return [...groups.values()].map((group) => {
    const lines = group.problems.map((p) => p.line);
    const shareLines = new Set(lines).size < lines.length;
    const places = shareLines ? group.problems.map((p) => (p.column ? `${p.line}:${p.column}` : String(p.line))) : lines.map(String);
    return { ...group, count: group.problems.length, places: [...new Set(places)] };
  });
}

/** A kind of problem seen many times in a file as one problem: at its first place, saying how often and where. */
export function groupedProblem(group: ProblemGroup, shown = 10): Problem {
  const more = group.places.length - shown;
  const places = group.places.slice(0, shown).join(", ") + (more > 0 ? ` and ${more} more` : "");
  const where = `(${group.count} times, ${group.places.length === 1 ? "line" : "lines"} ${places})`;
  return { ...group.problems[0]!, message: group.message, fix: group.fix ? `${group.fix} ${where}` : where };
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === "error");

/** What a thrown value says: an Error's message with each error that caused it, outermost first (Eleventy wraps its causes), or the value itself. */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(": ");
}

/** A mistake said in plain words: Eleventy (its command line, and while serving) prints the words, not a stack trace. */
export class PlainError extends Error {
  readonly skipOriginalStack = true;
}

/** Thrown when content cannot be built; carries every problem found, not just the first. */
export class ContentError extends PlainError {
  constructor(readonly problems: Problem[]) {
    super(problems.filter((p) => p.severity === "error").map(formatProblem).join("\n"));
    this.name = "ContentError";
  }
}

export function summarize(problems: readonly Problem[]): string {
  const count = (s: Severity) => problems.filter((p) => p.severity === s).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(count("error"), "error")}, ${plural(count("warning"), "warning")}, ${plural(count("note"), "note")}`;
}

/** Adds every item of each list to `target`. A list of 100,000 problems is too long to spread into push(). */
export function append<T>(target: T[], ...lists: readonly (readonly T[])[]): void {
  for (const list of lists) for (const item of list) target.push(item);
}
