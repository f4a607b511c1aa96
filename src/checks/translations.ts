import type { Language } from "../model/languages.ts";
import type { ReadPage } from "../model/pages.ts";
import type { Translation, Versions } from "../model/translations.ts";
import { displayPath, problem, type Problem } from "../problems/problems.ts";
import { parseYaml } from "../model/yaml-source.ts";
import { resolveUrl } from "./links.ts";
import { fieldLine, type PageSource } from "./page-source.ts";
import type { Reference } from "./references.ts";

const short = (hash: string) => hash.slice(0, 7);

/** Each translation says what it was made from, has an original, and keeps up with it. */
export function checkTranslation(page: PageSource, translation: Translation, repository: string): Problem[] {
  const original = translation.original ? displayPath(translation.original.file) : undefined;
  const { language } = translation;
  if (translation.state === "no original") {
    return [problem(page.file, 1, `this page in ${language.name} translates no page: there is no ${displayPath(translation.counterpart)}`, `give it the file name of the page it translates, or move it out of the ${language.tag}/ folder if it is no translation`, "warning")];
  }
  if (!page.data?.translated_from) {
    return [problem(page.file, 1, `this page translates ${original}, but does not say which version of it`, "add translated_from: with the day you translated it, such as 2026-11-30, or the commit of the English page")];
  }
  const line = fieldLine(page, "translated_from");
  if (translation.state === "unknown commit") {
    return [problem(page.file, line, `translated_from is ${page.data.translated_from}, which is not a commit that changed ${original}`, `write the commit of ${original} it was translated from, or the day it was translated`)];
  }
  if (translation.state !== "behind") return [];
  const newest = translation.newer[0]!;
  const oldest = translation.newer.at(-1)!;
  const count = translation.newer.length === 1 ? "once" : `${translation.newer.length} times`;
  const changes = translation.newer.length === 1 ? `in ${short(newest.hash)}` : `from ${short(oldest.hash)} to ${short(newest.hash)}`;
  return [
    problem(
      page.file,
      line,
      `this translation is behind: ${original} has changed ${count} since it was translated (${changes}, ${repository}/compare/${short(oldest.hash)}~1...${short(newest.hash)})`,
      `translate what changed, then set translated_from: ${short(newest.hash)}`,
      "warning",
      undefined,
      "translation behind",
    ),
  ];
}

/** Only a translation says what it was translated from and who checked it. */
export function checkOriginalFields(page: PageSource): Problem[] {
  return (["translated_from", "translation_reviewer"] as const)
    .filter((field) => page.data?.[field] !== undefined)
    .map((field) => problem(page.file, fieldLine(page, field), `${field} is for translations, and this page is in the site's own language`, `remove it, or move the page into its language's folder (such as content/es/)`));
}

/** A language with no home page leaves its untranslated pages' language links nowhere to go. */
export function checkLanguageHomes(languages: readonly Language[], pages: readonly ReadPage[], settingsFile: string, settingsText: string): Problem[] {
  const urls = new Set(pages.filter((page) => page.page?.data && !page.page.data.draft).map((page) => page.url));
  return languages
    .filter((language) => !urls.has(language.home))
    .map((language) => {
      const { line, column } = parseYaml(settingsText).position(["languages", language.tag], "key");
      return problem(settingsFile, line, `the site is published in ${language.name}, but has no ${language.name} home page at ${language.home}`, `write content/${language.tag}/index.md, the home page in ${language.name}`, "error", column);
    });
}

/**
 * A translated page's links go to pages in its own language where those exist: a reader of the Spanish page about
 * the community expects the Spanish page about values, not the English one.
 */
export function checkLinksInLanguage(page: PageSource, language: Language, refs: readonly Reference[], versionsByUrl: ReadonlyMap<string, Versions>): Problem[] {
  if (language.isDefault) return [];
  const problems: Problem[] = [];
  for (const ref of refs) {
    if (ref.kind !== "link") continue;
    const resolved = resolveUrl(ref.url, page.url);
    if (resolved.kind !== "internal") continue;
    const translated = versionsByUrl.get(resolved.path)?.get(language.tag);
    if (!translated || translated === resolved.path) continue;
    problems.push(problem(page.file, ref.line, `this page in ${language.name} links to ${resolved.path}, a page in another language; it is also in ${language.name}, at ${translated}`, `link to ${translated}`, "warning", ref.column));
  }
  return problems;
}
