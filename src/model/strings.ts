import { existsSync, statSync } from "node:fs";
import nunjucks from "nunjucks";
import path from "node:path";
import { generatorRoot } from "../options.ts";
import { fileErrorOf, whyUnreadable } from "../problems/file-error.ts";
import { displayPath, problem, type Problem } from "../problems/problems.ts";
import { completeStringsSchema, placeholders, stringNames, stringsSchema, type StringName, type Strings } from "../schema/strings.ts";
import { nameIn, type Language } from "./languages.ts";
import { validateYaml } from "./validate.ts";
import { parseYaml } from "./yaml-source.ts";
import { escapeHtml } from "./escape-html.ts";
import { readContentText } from "./files.ts";

/** The layouts' words, one file a language: `en.yaml`, `es.yaml`. */
export const stringsFolder = path.join(generatorRoot, "_includes", "strings");
/** The language every string is written in first, and falls back to. */
export const fallbackLanguage = "en";

/** A language's words, complete: what its file lacks is in the fallback language, and named in `fallback`. */
export interface LanguageStrings {
  tag: string;
  words: Strings;
  /** The strings shown in the fallback language, so the layouts can mark them as such. */
  fallback: ReadonlySet<StringName>;
  /**
   * The site's default language, named for a string's {original} ("Read the {original} page"): in this language's
   * words ("inglés"), and in the fallback language's for a string shown in it.
   */
  original: { own: string; fallback: string };
}

/** Reads the strings of each of the site's languages; a missing string, or a whole missing file, is shown in English and named. */
export function loadStrings(languages: readonly Language[], folder = stringsFolder): { strings: Map<string, LanguageStrings>; texts: Map<string, string>; problems: Problem[] } {
  const fileOf = (tag: string) => path.join(folder, `${tag}.yaml`);
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  const shownFolder = displayPath(folder);
  /** A strings file's text; one that cannot be read (a folder in its place, say) is named, and its words are English's. */
  const readText = (file: string, severity: Problem["severity"], consequence: string, remake: string): string | undefined => {
    try {
      const read = readContentText(file);
      if (read.problem) {
        problems.push({ ...read.problem, message: `${read.problem.message}, so ${consequence}`, severity });
        return undefined;
      }
      return texts.set(file, read.text).get(file)!;
    } catch (error) {
      const failed = fileErrorOf(error);
      if (!failed) throw error;
      const fix = `${failed.code === "EISDIR" ? "remove the folder in its place, then" : "make it a file this account can read:"} ${remake}`;
      problems.push(problem(file, 1, `${whyUnreadable(path.basename(file), failed.code)}, so ${consequence}`, fix, severity));
      return undefined;
    }
  };
  const englishFile = fileOf(fallbackLanguage);
  const englishText = readText(englishFile, "error", "no page can be published: every page's menus, notices and buttons are read from it", `restore it with git checkout -- ${displayPath(englishFile)}`);
  const read = englishText === undefined ? undefined : validateYaml(completeStringsSchema, englishText, englishFile);
  // A mistake in the English file is an error that stops publishing; meanwhile the preview shows each string's name.
  problems.push(...(read?.problems ?? []));
  const english = { value: read?.ok ? read.value : (Object.fromEntries(stringNames.map((key) => [key, key])) as Strings) };
  const strings = new Map<string, LanguageStrings>();
  const defaultTag = languages[0]?.tag ?? fallbackLanguage;
  const original = (tag: string) => ({ own: nameIn(defaultTag, tag), fallback: nameIn(defaultTag, fallbackLanguage) });
  for (const { tag, name } of languages) {
    if (tag === fallbackLanguage) {
      strings.set(tag, { tag, words: english.value, fallback: new Set(), original: original(tag) });
      continue;
    }
    // A region's own file (es-MX.yaml), or its language's (es.yaml); a folder of the name is passed over for a file.
    const candidates = [tag, tag.split("-")[0]!].map(fileOf);
    const file = candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile()) ?? candidates.find((candidate) => existsSync(candidate));
    if (!file) {
      problems.push(problem(fileOf(tag), 1, `the site is published in ${name}, but there is no strings file for it, so its menus, notices and buttons are in English`, `copy ${fallbackLanguage}.yaml to ${tag}.yaml in ${shownFolder}/ and translate each line`, "warning"));
    }
    const text = file && readText(file, "warning", `the menus, notices and buttons of the pages in ${name} are in English`, `copy ${fallbackLanguage}.yaml to ${path.basename(file)} in ${shownFolder}/ and translate each line`);
    if (file === undefined || text === undefined) {
      strings.set(tag, { tag, words: english.value, fallback: new Set(stringNames), original: original(tag) });
      continue;
    }
    const result = validateYaml(stringsSchema, text, file);
    problems.push(...result.problems);
    const own: Partial<Strings> = result.ok ? { ...(result.value as Partial<Strings>) } : {};
    const source = result.ok ? parseYaml(text) : undefined;
    for (const key of stringNames) {
      const value = own[key];
      // Without English to compare with, no string's braces can be said to be wrong: English's own error is the one to fix.
      if (value === undefined || !source || !read?.ok) continue;
      const expected = placeholders(english.value[key]);
      if (expected.join() === placeholders(value).join()) continue;
      const { line, column } = source.position([key]);
      const names = expected.length ? expected.map((p) => `{${p}}`).join(", ") : "no words in braces";
      problems.push(problem(file, line, `"${key}" must have ${names}, as in English ("${english.value[key]}"), or the site cannot fill it in`, "keep each word in braces exactly as it is, in the place your language puts it; it is shown in English until then", "error", column));
      delete own[key];
    }
    const fallback = new Set(stringNames.filter((key) => own[key] === undefined));
    // A string refused for its braces has its error already; it is not one to add.
    const listed = [...fallback].filter((key) => result.ok && (result.value as Partial<Strings>)[key] === undefined);
    if (listed.length) {
      problems.push(problem(file, 1, `${listed.length} of the site's words are not translated into ${name}, so they show in English: ${listed.join(", ")}`, `add a line for each, translating the line of the same name in ${fallbackLanguage}.yaml`, "warning"));
    }
    strings.set(tag, { tag, words: { ...english.value, ...own }, fallback, original: original(tag) });
  }
  return { strings, texts, problems };
}

/** What a string's {braces} are filled with: the given values, and {original}, the site's default language by name. */
export const withOriginal = (strings: LanguageStrings, name: StringName, params: Record<string, unknown>): Record<string, unknown> => ({
  original: strings.fallback.has(name) ? strings.original.fallback : strings.original.own,
  ...params,
});

/** One of the layouts' strings in a language, its {braces} filled in, as plain text (for an attribute's value). */
export function translateText(strings: LanguageStrings, name: StringName, params: Record<string, unknown> = {}): string {
  const values = withOriginal(strings, name, params);
  return strings.words[name].replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A language's strings as plain text, for the pages and titles the site makes itself. */
export type Words = (name: StringName, params?: Record<string, unknown>) => string;
export const wordsOf = (strings: LanguageStrings): Words => (name, params) => translateText(strings, name, params);

/** Markup a template made itself, such as a `<time>` element: put into a string as it is, not escaped. */
const isMarkup = (value: unknown): value is nunjucks.runtime.SafeString => value instanceof nunjucks.runtime.SafeString;

type Params = Record<string, unknown>;

/**
 * One of the layouts' strings in a language, as HTML: the text escaped, each {brace} filled in (markup the template
 * made, such as a `<time>`, as it is; anything else escaped), and a string the language lacks marked as English, so
 * a screen reader reads it in English rather than with the page's voice.
 */
export function translate(strings: LanguageStrings, name: StringName, params: Params = {}): nunjucks.runtime.SafeString {
  const values = withOriginal(strings, name, params);
  const html = escapeHtml(strings.words[name]).replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in values)) return whole;
    const value = values[key];
    return isMarkup(value) ? value.toString() : escapeHtml(String(value));
  });
  return new nunjucks.runtime.SafeString(strings.fallback.has(name) ? `<span lang="${fallbackLanguage}">${html}</span>` : html);
}
