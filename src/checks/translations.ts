import path from "node:path";
import { looksLikeLanguage, nameInItself, type Language } from "../model/languages.ts";
import type { ReadPage } from "../model/pages.ts";
import type { Translation, Versions } from "../model/translations.ts";
import type { Navigation } from "../schema/data.ts";
import { displayPath, problem, type Problem } from "../problems/problems.ts";
import { parseYaml } from "../model/yaml-source.ts";
import { fieldLine, type PageText } from "./page-source.ts";
import type { Reference } from "./references.ts";

const short = (hash: string) => hash.slice(0, 7);

/** Each translation says what it was made from, has an original, and keeps up with it. */
export function checkTranslation(page: PageText, translation: Translation, repository: string, today: string): Problem[] {
  const original = translation.original ? displayPath(translation.original.file) : undefined;
  const { language } = translation;
  if (translation.state === "no original") {
    const counterpart = displayPath(translation.counterpart);
    if (translation.counterpartLanguage) {
      return [problem(page.file, 1, `this page in ${language.name} would translate ${counterpart}, which is a page in ${translation.counterpartLanguage.name}, not in the site's own language`, `move it into ${language.tag}/, under the file name of the page in the site's own language that it translates`, "warning")];
    }
    if (translation.originalUnpublished) return [problem(page.file, 1, `this page in ${language.name} translates ${counterpart}, which is not published (a draft, or with mistakes to fix)`, `publish ${counterpart} first, or make this page a draft too`, "warning")];
    return [problem(page.file, 1, `this page in ${language.name} translates no page: there is no ${counterpart}`, `give it the file name of the page it translates, or move it out of the ${language.tag}/ folder if it is no translation`, "warning")];
  }
  const from = page.data?.translated_from;
  if (!from) {
    return [problem(page.file, 1, `this page translates ${original}, but does not say which version of it`, `add translated_from: with the day you translated it, such as ${today}, or the commit of the English page`)];
  }
  const line = fieldLine(page, "translated_from");
  if (/^\d{4}-/.test(from) && from > today) {
    return [problem(page.file, line, `translated_from is ${from}, a day still to come, so changes to ${original} until then would go unseen`, `give the day it was really translated, such as ${today}`)];
  }
  if (translation.state === "unknown commit") {
    return [problem(page.file, line, `translated_from is ${from}, which is not a commit that changed ${original}`, `write the commit of ${original} it was translated from, or the day it was translated`)];
  }
  if (translation.state !== "behind") return [];
  const newest = translation.newer[0]!;
  const oldest = translation.newer.at(-1)!;
  const count = translation.newer.length === 1 ? "once" : `${translation.newer.length} times`;
  const changes = translation.newer.length === 1 ? `in ${short(newest.hash)}` : `from ${short(oldest.hash)} to ${short(newest.hash)}`;
  // What changed since the version translated; a page first written after its translation has no such version.
  const compare = translation.base ? `, ${repository}/compare/${short(translation.base.hash)}...${short(newest.hash)}` : "";
  return [
    problem(page.file, line, `this translation is behind: ${original} has changed ${count} since it was translated (${changes}${compare})`, `translate what changed, then set translated_from: "${short(newest.hash)}"`, "warning", undefined, "translation behind"),
    // Said on the original too, so that whoever changes it hears, on the file their change touches.
    problem(translation.original!.file, 1, `${displayPath(page.file)}, its translation into ${language.name}, is behind this page now`, "ask a translator to bring it up to date", "note"),
  ];
}

/**
 * Only a translation says what it was translated from and who checked it. A page that says so in a folder named like
 * a language the settings do not list was meant for that language.
 */
export function checkOriginalFields(page: PageText, contentDir: string): Problem[] {
  if (page.data?.translated_from === undefined && page.data?.translation_reviewer === undefined) return [];
  const folder = path.relative(contentDir, page.file).split(path.sep)[0]!;
  const meantFor = folder !== path.basename(page.file) && looksLikeLanguage(folder) ? folder : undefined;
  return (["translated_from", "translation_reviewer"] as const)
    .filter((field) => page.data?.[field] !== undefined)
    .map((field) =>
      meantFor
        ? problem(page.file, fieldLine(page, field), `${field} is for translations, but ${meantFor}/ is not one of the site's languages, so this page is published as a page of the site's own language`, `add ${meantFor}: ${nameInItself(meantFor)} to languages in _data/settings.yaml`)
        : problem(page.file, fieldLine(page, field), `${field} is for translations, and this page is in the site's own language`, "remove it, or move the page into the folder of the language it is written in"),
    );
}

/** A page's permalink keeps it among the pages of its language: `/es/…` for a page in Spanish, and for no other. */
export function checkPermalinkLanguage(page: PageText, language: Language, languages: readonly Language[]): Problem[] {
  const permalink = page.data?.permalink;
  if (!permalink || page.data?.draft) return [];
  const among = languages.filter((other) => permalink.startsWith(other.home)).sort((a, b) => b.home.length - a.home.length)[0];
  if (!among || among === language) return [];
  const fix = language.isDefault ? `give it a permalink outside ${among.home}, or none` : `give it a permalink starting with ${language.home}, or none`;
  return [problem(page.file, fieldLine(page, "permalink"), `this page in ${language.name} would be published at ${permalink}, among the pages in ${among.name}, where its readers and search do not look for it`, fix, "warning")];
}

/** A menu's words are given only for the site's languages: words for another are never shown. */
export function checkMenuLanguages(file: string, text: string, navigation: Navigation, languages: readonly Language[]): Problem[] {
  const tags = new Set(languages.map((language) => language.tag));
  const source = parseYaml(text);
  return (["primary", "footer"] as const).flatMap((menu) =>
    navigation[menu].flatMap((item, i) =>
      Object.keys(item.translations ?? {})
        .filter((tag) => !tags.has(tag))
        .map((tag) => {
          const { line, column } = source.position([menu, i, "translations", tag], "key");
          return problem(file, line, `the menu item "${item.text}" has words in "${tag}", which is not one of the site's languages (${[...tags].join(", ")})`, "correct the language's short code, or add the language to languages in _data/settings.yaml", "warning", column);
        }),
    ),
  );
}

/** A language with no home page leaves its untranslated pages' language links nowhere to go. */
export function checkLanguageHomes(languages: readonly Language[], pages: readonly ReadPage[], settingsFile: string, settingsText: string): Problem[] {
  const urls = new Set(pages.filter((page) => page.page?.data && !page.page.data.draft).map((page) => page.url));
  return languages
    .filter((language) => !urls.has(language.home))
    .map((language) => {
      const { line, column } = parseYaml(settingsText).position(["languages", language.tag], "key");
      const unpublished = pages.find((page) => page.url === language.home);
      const home = unpublished ? displayPath(unpublished.file) : `content/${language.tag}/index.md`;
      const fix = unpublished ? `publish ${home} (it is a draft, or has mistakes to fix)` : `write ${home}, the home page in ${language.name}`;
      return problem(settingsFile, line, `the site is published in ${language.name}, but has no ${language.name} home page at ${language.home}`, fix, "error", column);
    });
}

/**
 * A translated page's links go to pages in its own language where those exist: a reader of the Spanish page about
 * the community expects the Spanish page about values, not the English one.
 */
export function checkLinksInLanguage(page: PageText, language: Language, refs: readonly Reference[], versionsByUrl: ReadonlyMap<string, Versions>, original?: string): Problem[] {
  if (language.isDefault) return [];
  const problems: Problem[] = [];
  for (const ref of refs) {
    if (ref.kind !== "link") continue;
    const { resolved } = ref;
    if (resolved.kind !== "internal") continue;
    const translated = versionsByUrl.get(resolved.path)?.get(language.tag);
    // A translation may well link to the page it translates, for readers who want the original.
    if (!translated || translated === resolved.path || resolved.path === original) continue;
    problems.push(problem(page.file, ref.line, `this page in ${language.name} links to ${resolved.path}, a page in another language; it is also in ${language.name}, at ${translated}`, `link to ${translated}`, "warning", ref.column));
  }
  return problems;
}
