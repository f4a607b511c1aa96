import type { Commit, CommitDates } from "./git.ts";
import type { Language } from "./languages.ts";
import { languageOfPage } from "./languages.ts";
import type { ReadPage } from "./pages.ts";
import { dayInCalifornia } from "./review.ts";

/** Where a translation stands against the page it translates. */
export type TranslationState =
  /** No change to the original since the translation was made. */
  | "up to date"
  /** The original has changed since; `newer` lists the changes. */
  | "behind"
  /** The history cannot say: no git history here, or no `translated_from`. */
  | "unknown"
  /** `translated_from` names a commit that never changed the original. */
  | "unknown commit"
  /** There is no page in the default language at the same name. */
  | "no original";

export interface Translation {
  file: string;
  url: string;
  title: string;
  language: Language;
  /** The file of the same name in the default language: the page it translates. */
  counterpart: string;
  /** That page, when it is published. */
  original?: { file: string; url: string; title: string };
  state: TranslationState;
  /** The original's commits since the translation was made, newest first. */
  newer: Commit[];
  /** The original's last commit before those: the version the translation was made from. */
  base?: Commit;
  /** For a translation that is behind: the day in California its original first changed after it. */
  behindSince?: string;
  /** For a translation with no published original: whether the original's file is there, as a draft or with mistakes. */
  originalUnpublished?: boolean;
  /** For one in a language's folder inside another's (`es/es/x.md`): the language of the page it names (`es/x.md`). */
  counterpartLanguage?: Language;
  reviewer?: string;
}

/** The same page in every language it is published in: each language's tag, and the page's address in it. */
export type Versions = ReadonlyMap<string, string>;

export interface SiteTranslations {
  /** Each page's language, by file. */
  languageOf: ReadonlyMap<string, Language>;
  /** Each published page's versions in every language, by file; a page with no translation has only its own. */
  versions: ReadonlyMap<string, Versions>;
  /** Every translated page, and how it stands, by file. */
  translations: Map<string, Translation>;
  /** The default language's listed pages that a language has no translation of, by language tag. */
  missing: { language: Language; url: string; title: string }[];
}

const isPublished = (page: ReadPage) => Boolean(page.page?.data && !page.page.data.draft);

/**
 * Sorts the pages by language (a language's pages live in a folder of its tag, under the default language's file
 * names) and judges each translation against its original's git history.
 */
export function readTranslations(contentDir: string, pages: readonly ReadPage[], languages: readonly Language[], commits: CommitDates): SiteTranslations {
  const languageOf = new Map<string, Language>();
  const files = new Set(pages.map((page) => page.file));
  const byCounterpart = new Map<string, Map<string, ReadPage>>();
  for (const page of pages) {
    const { language, counterpart } = languageOfPage(contentDir, page.file, languages);
    languageOf.set(page.file, language);
    if (!isPublished(page)) continue;
    const versions = byCounterpart.get(counterpart) ?? new Map<string, ReadPage>();
    if (!versions.has(language.tag)) versions.set(language.tag, page);
    byCounterpart.set(counterpart, versions);
  }
  const versions = new Map<string, Versions>();
  for (const set of byCounterpart.values()) {
    // In the order of the site's languages, the default first: it is also the version for readers of any other.
    const urls = new Map(languages.flatMap(({ tag }) => (set.has(tag) ? [[tag, set.get(tag)!.url] as const] : [])));
    for (const page of set.values()) versions.set(page.file, urls);
  }
  const defaultLanguage = languages[0]!;
  const translations: Translation[] = [];
  for (const [counterpart, set] of byCounterpart) {
    const original = set.get(defaultLanguage.tag);
    for (const [tag, page] of set) {
      if (tag === defaultLanguage.tag) continue;
      const data = page.page!.data!;
      const base = { file: page.file, url: page.url, title: data.title, language: languageOf.get(page.file)!, counterpart, reviewer: data.translation_reviewer };
      if (!original) {
        const counterpartLanguage = files.has(counterpart) ? languageOf.get(counterpart) : undefined;
        translations.push({ ...base, state: "no original", newer: [], originalUnpublished: counterpartLanguage?.isDefault === true, counterpartLanguage: counterpartLanguage?.isDefault ? undefined : counterpartLanguage });
        continue;
      }
      // An original git has no history of (not committed yet, or in a folder git does not track) cannot be compared with.
      const judged = judge(data.translated_from, commits.inRepository && !commits.shallow ? commits.history.get(counterpart) : undefined);
      translations.push({ ...base, original: { file: original.file, url: original.url, title: original.page!.data!.title }, ...judged });
    }
  }
  const missing = languages
    .filter((language) => !language.isDefault)
    .flatMap((language) =>
      [...byCounterpart.values()].flatMap((set) => {
        const original = set.get(defaultLanguage.tag);
        if (!original || set.has(language.tag) || original.page!.data!.unlisted) return [];
        return [{ language, url: original.url, title: original.page!.data!.title }];
      }),
    );
  return { languageOf, versions, translations: new Map(translations.map((translation) => [translation.file, translation])), missing };
}

/** How a translation made from `from` (a day or a commit) stands against its original's history, newest first. */
function judge(from: string | undefined, history: readonly Commit[] | undefined): Pick<Translation, "state" | "newer" | "base" | "behindSince"> {
  if (!from || !history) return { state: "unknown", newer: [] };
  const byDay = /^\d{4}-/.test(from);
  const at = history.findIndex((commit) => (byDay ? dayInCalifornia(commit.date) <= from : commit.hash.startsWith(from)));
  if (at === -1 && !byDay) return { state: "unknown commit", newer: [] };
  // Made before the original's first commit, a translation is behind all of it.
  const newer = at === -1 ? [...history] : history.slice(0, at);
  if (!newer.length) return { state: "up to date", newer, base: history[at] };
  return { state: "behind", newer, behindSince: dayInCalifornia(newer.at(-1)!.date), ...(at !== -1 && { base: history[at] }) };
}

/** Each address's versions in every language, for the pages that have a translation or are one. */
export function versionsByUrl(pages: readonly ReadPage[], translations: SiteTranslations): Map<string, Versions> {
  return new Map(pages.flatMap((page) => {
    const versions = translations.versions.get(page.file);
    return versions && versions.size > 1 ? [[page.url, versions] as const] : [];
  }));
}

/** One page in one language, for the status page and reviews.json. */
export interface TranslationRow {
  /** The page in the default language; for a translation with no original, the translation itself. */
  title: string;
  url: string;
  language: Language;
  state: "up to date" | "behind" | "missing" | "unknown" | "no original";
  /** The translation's address, when there is one. */
  translation?: string;
  /** For a translation that is behind: the day its original first changed after it. */
  behindSince?: string;
  reviewer?: string;
}

/** Every page of the default language in every other language, and how each translation stands, by address. */
export function translationRows({ translations, missing }: SiteTranslations): TranslationRow[] {
  const rows: TranslationRow[] = [
    ...[...translations.values()].map((t): TranslationRow => ({
      title: t.original?.title ?? t.title,
      url: t.original?.url ?? t.url,
      language: t.language,
      state: t.state === "unknown commit" ? "unknown" : t.state,
      translation: t.url,
      ...(t.behindSince && { behindSince: t.behindSince }),
      ...(t.reviewer && { reviewer: t.reviewer }),
    })),
    ...missing.map((m): TranslationRow => ({ title: m.title, url: m.url, language: m.language, state: "missing" })),
  ];
  return rows.sort((a, b) => a.url.localeCompare(b.url) || a.language.tag.localeCompare(b.language.tag));
}

/** The rows of each page together, in the order of the site's other languages: a line of the status page. */
export function rowsByPage(rows: readonly TranslationRow[], languages: readonly Language[]): { title: string; url: string; cells: (TranslationRow | undefined)[] }[] {
  const pages = new Map<string, { title: string; url: string; cells: (TranslationRow | undefined)[] }>();
  const others = languages.filter((language) => !language.isDefault);
  for (const row of rows) {
    const page = pages.get(row.url) ?? { title: row.title, url: row.url, cells: others.map(() => undefined) };
    page.cells[others.findIndex((language) => language.tag === row.language.tag)] = row;
    pages.set(row.url, page);
  }
  return [...pages.values()];
}
