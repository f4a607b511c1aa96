import path from "node:path";
import { problem, type Problem } from "../problems/problems.ts";
import type { Settings } from "../schema/data.ts";
import { parseYaml } from "./yaml-source.ts";

/** A language the site is published in. */
export interface Language {
  /** Its tag: `en`, `es`. */
  tag: string;
  /** Its name in itself: `Español`. */
  name: string;
  /** The folder its pages are published under: "/" for the default language, "/es/" for another. */
  home: string;
  isDefault: boolean;
}

/** The site's languages, the default first; a site that lists none is published in its one `language`. */
export function siteLanguages(settings: Pick<Settings, "language" | "languages"> | undefined): Language[] {
  if (!settings) return [{ tag: "en", name: "English", home: "/", isDefault: true }];
  const named = settings.languages ?? {};
  const others = Object.keys(named).filter((tag) => tag !== settings.language);
  return [
    { tag: settings.language, name: named[settings.language] ?? settings.language, home: "/", isDefault: true },
    ...others.map((tag) => ({ tag, name: named[tag]!, home: `/${tag}/`, isDefault: false })),
  ];
}

/** The language a page is written in, by its folder, and the file of the same page in the default language. */
export function languageOfPage(contentDir: string, file: string, languages: readonly Language[]): { language: Language; counterpart: string } {
  const relative = path.relative(contentDir, file).split(path.sep);
  const translated = relative.length > 1 ? languages.find((language) => !language.isDefault && language.tag === relative[0]) : undefined;
  if (!translated) return { language: languages[0]!, counterpart: file };
  return { language: translated, counterpart: path.join(contentDir, ...relative.slice(1)) };
}

/** The default language is one of the languages listed, when the settings list them. */
export function checkLanguageSettings(settings: Settings, file: string, text: string): Problem[] {
  if (!settings.languages || settings.language in settings.languages) return [];
  const { line, column } = parseYaml(text).position(["languages"], "key");
  return [problem(file, line, `the site's language (${settings.language}) is not among its languages`, `add it to languages, with its name: ${settings.language}: ${nameInItself(settings.language)}`, "error", column)];
}

/** A language's name written in that language, as a language link shows it: `es` → "Español". */
export function nameInItself(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: "language" }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

/** A language's name in another language's words, as a sentence uses it: `en` in `es` → "inglés". */
export const nameIn = (tag: string, inLanguage: string): string => new Intl.DisplayNames([inLanguage], { type: "language" }).of(tag) ?? tag;

/** Whether a folder's name is written like a language tag (`fr`, `es-MX`), as a translator would name a language's folder. */
export const looksLikeLanguage = (name: string): boolean => /^[a-z]{2,3}(-[A-Za-z]{2}|-\d{3})?$/.test(name);
