import { describe, expect, it } from "vitest";
import { siteLanguages } from "../src/model/languages.ts";
import { LanguageVersions, localMenus } from "../src/render/languages.ts";
import type { Navigation } from "../src/schema/data.ts";

const languages = siteLanguages({ language: "en", languages: { en: "English", es: "Español", fr: "Français" } });
const versions = new Map<string, Map<string, string>>();
for (const set of [new Map([["en", "/values/"], ["es", "/es/values/"]]), new Map([["en", "/guide/"], ["fr", "/fr/guide/"]])]) for (const url of set.values()) versions.set(url, set);

describe("menus in each language", () => {
  const navigation: Navigation = {
    primary: [
      { text: "Values", url: "/values/", translations: { es: "Valores", fr: "Valeurs" } },
      { text: "Guide", url: "/guide/", translations: { fr: "Guide" } },
    ],
    footer: [{ text: "Values", url: "/values/" }],
  };
  const menus = localMenus(navigation, languages, versions);

  it("lead to the page in the reader's language, in its words, where it is translated", () => {
    expect(menus.es!.primary[0]).toEqual({ text: "Valores", url: "/es/values/" });
    expect(menus.fr!.primary[1]).toEqual({ text: "Guide", url: "/fr/guide/" });
  });

  it("mark a link to a page in another language with its hreflang, and words in another language with lang", () => {
    expect(menus.es!.primary[1]).toEqual({ text: "Guide", url: "/guide/", lang: "en", hreflang: "en" });
    expect(menus.fr!.primary[0]).toEqual({ text: "Valeurs", url: "/values/", hreflang: "en" });
    expect(menus.es!.footer[0]).toEqual({ text: "Values", url: "/es/values/", lang: "en" });
    expect(menus.en!.primary[0]).toEqual({ text: "Values", url: "/values/" });
  });
});

describe("a page's versions", () => {
  const pages = new LanguageVersions(languages, versions);

  it("are its alternates, the default language's first", () => {
    expect(pages.alternates("/es/values/")).toEqual([
      { tag: "en", url: "/values/" },
      { tag: "es", url: "/es/values/" },
    ]);
    expect(pages.alternates("/about/")).toEqual([]);
  });

  it("give a link to each other language: the page itself where translated, else that language's home page", () => {
    expect(pages.links("/values/", "en")).toEqual([
      { tag: "es", name: "Español", url: "/es/values/", translated: true },
      { tag: "fr", name: "Français", url: "/fr/", translated: false },
    ]);
  });
});
