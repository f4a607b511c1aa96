import type { Language } from "../model/languages.ts";
import type { SiteModel } from "../model/site.ts";
import type { Versions } from "../model/translations.ts";
import type { MenuItem, Navigation } from "../schema/data.ts";

/** A menu link in one language: its words in that language where it has them, to the page in that language where there is one. */
export interface LocalMenuItem {
  text: string;
  url: string;
  /** The language of the words, when the menu has none in the page's. */
  lang?: string;
  /** The language of the page it leads to, when that differs from the page's. */
  hreflang?: string;
}

/** The menus as each language's pages show them, by language tag. */
export function localMenus(navigation: Navigation, languages: readonly Language[], versions: ReadonlyMap<string, Versions>): Record<string, Record<keyof Navigation, LocalMenuItem[]>> {
  const defaultTag = languages[0]!.tag;
  const local = (item: MenuItem, language: Language): LocalMenuItem => {
    const words = language.isDefault ? item.text : item.translations?.[language.tag];
    const translated = versions.get(item.url)?.get(language.tag);
    const url = translated ?? item.url;
    const leadsTo = translated || language.isDefault ? language.tag : defaultTag;
    return { text: words ?? item.text, url, ...(words === undefined && { lang: defaultTag }), ...(leadsTo !== language.tag && { hreflang: leadsTo }) };
  };
  return Object.fromEntries(languages.map((language) => [language.tag, { primary: navigation.primary.map((item) => local(item, language)), footer: navigation.footer.map((item) => local(item, language)) }]));
}

/** What a page's layout needs to speak its language; its other versions come from its address (`LanguageVersions`). */
export interface PageLanguage {
  lang: string;
  /** The page's home page: its language's. */
  home: string;
  /** For a translation: how it stands against its original. */
  translation?: { state: string; original?: string; behindSince?: string; reviewer?: string };
}

export function pageLanguage(model: SiteModel, file: string | undefined, language: Language = (file && model.translations.languageOf.get(file)) || model.languages[0]!): PageLanguage {
  const translation = file ? model.translations.translations.get(file) : undefined;
  return {
    lang: language.tag,
    home: language.home,
    ...(translation && {
      translation: {
        state: translation.state,
        original: translation.original?.url,
        behindSince: translation.behindSince,
        reviewer: translation.reviewer,
      },
    }),
  };
}

/** A page's versions in the site's languages, by its address: for `hreflang` links and the language links. */
export class LanguageVersions {
  constructor(
    private readonly languages: readonly Language[],
    private readonly versions: ReadonlyMap<string, Versions>,
  ) {}

  /** Every version of a page, its own included, the default language's first; none when it has no translation. */
  alternates(url: string): { tag: string; url: string }[] {
    return [...(this.versions.get(url) ?? [])].map(([tag, address]) => ({ tag, url: address }));
  }

  /** A link to each other language: to this page in it, or, untranslated, to that language's home page. */
  links(url: string, lang: string): { tag: string; name: string; url: string; translated: boolean }[] {
    const versions = this.versions.get(url);
    return this.languages
      .filter((other) => other.tag !== lang)
      .map((other) => {
        const address = versions?.get(other.tag);
        return { tag: other.tag, name: other.name, url: address ?? other.home, translated: address !== undefined };
      });
  }
}
