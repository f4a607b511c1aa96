import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { languageOfPage, siteLanguages } from "../src/model/languages.ts";
import { loadSite } from "../src/model/site.ts";
import { checkModel, readSite } from "../src/prepare.ts";
import { formatProblem, type Problem } from "../src/problems/problems.ts";
import { loadStrings, stringsFolder, translate, translateText } from "../src/model/strings.ts";
import { translationRows } from "../src/model/translations.ts";
import { ThrowawayRepo } from "./git-repo.ts";
import { buildInto, checkInProcess, fixtures, readPage, tempDir, text } from "./helpers.ts";

const fixture = path.join(fixtures, "sites", "translated");

/** The fixture site in a repository of its own: translated on 15 January 2024, its English pages written on the 10th. */
function translatedSite(): ThrowawayRepo {
  const repo = ThrowawayRepo.from(fixture, tempDir());
  repo.commit("2024-01-10T09:00:00Z");
  return repo;
}

const edit = (repo: ThrowawayRepo, file: string, change: (text: string) => string) => writeFileSync(path.join(repo.dir, file), change(readFileSync(path.join(repo.dir, file), "utf8")));
const head = (repo: ThrowawayRepo) => repo.git(["rev-parse", "HEAD"]).trim();
const translationOf = (repo: ThrowawayRepo, file: string) => loadSite({ contentDir: repo.dir }).translations.translations.get(path.join(repo.dir, file))!;

describe("the pages of a site in several languages", () => {
  it("are sorted by their language's folder, each linked to its versions in the others", () => {
    const { translations, languages } = loadSite({ contentDir: fixture });
    expect(languages.map(({ tag, name, home }) => ({ tag, name, home }))).toEqual([
      { tag: "en", name: "English", home: "/" },
      { tag: "es", name: "Español", home: "/es/" },
    ]);
    expect(translations.languageOf.get(path.join(fixture, "es", "values.md"))?.tag).toBe("es");
    expect(translations.languageOf.get(path.join(fixture, "values.md"))?.tag).toBe("en");
    expect(Object.fromEntries(translations.versions.get(path.join(fixture, "es", "values.md"))!)).toEqual({ en: "/values/", es: "/es/values/" });
    expect(Object.fromEntries(translations.versions.get(path.join(fixture, "guide.md"))!)).toEqual({ en: "/guide/" });
  });

  it("a site that lists no languages is in its one language, and a folder named like a language is just a folder", () => {
    const single = siteLanguages({ language: "en" });
    expect(single.map((language) => language.tag)).toEqual(["en"]);
    const file = path.join(fixture, "es", "values.md");
    expect(languageOfPage(fixture, file, single)).toEqual({ language: single[0], counterpart: file });
    expect(languageOfPage(fixture, file, siteLanguages({ language: "en", languages: { en: "English", es: "Español" } }))).toMatchObject({ language: { tag: "es" }, counterpart: path.join(fixture, "values.md") });
  });
});

describe("a translation, judged against its English page's history", () => {
  it("is up to date while the English page has not changed since the day it was translated", () => {
    expect(translationOf(translatedSite(), "es/values.md")).toMatchObject({ state: "up to date", newer: [], original: { url: "/values/", title: "Our values" } });
  });

  it("is behind once the English page changes, with the commits still to translate, newest first", () => {
    const repo = translatedSite();
    edit(repo, "values.md", (text) => `${text}\nWe welcome everyone.\n`);
    repo.commit("2024-02-01T09:00:00Z");
    edit(repo, "values.md", (text) => `${text}\nWe answer every question.\n`);
    repo.commit("2024-03-01T09:00:00Z");
    const translation = translationOf(repo, "es/values.md");
    expect(translation.state).toBe("behind");
    expect(translation.newer.map((commit) => commit.date.toISOString())).toEqual(["2024-03-01T09:00:00.000Z", "2024-02-01T09:00:00.000Z"]);
    // Another page's change leaves it alone.
    expect(translationOf(repo, "es/index.md").state).toBe("up to date");
  });

  it("can name the commit it was translated from, and is behind from the next change on", () => {
    const repo = translatedSite();
    const translatedFrom = head(repo).slice(0, 10);
    edit(repo, "es/values.md", (text) => text.replace("translated_from: 2024-01-15", `translated_from: ${translatedFrom}`));
    repo.commit("2024-01-20T09:00:00Z");
    expect(translationOf(repo, "es/values.md").state).toBe("up to date");
    edit(repo, "values.md", (text) => `${text}\nMore.\n`);
    repo.commit("2024-02-01T09:00:00Z");
    expect(translationOf(repo, "es/values.md")).toMatchObject({ state: "behind", newer: [{ hash: head(repo) }] });
  });

  it("is unknown without a history to read, which the check says once for the site", () => {
    const copy = tempDir();
    cpSync(fixture, copy, { recursive: true });
    expect(translationOf({ dir: copy } as ThrowawayRepo, "es/values.md").state).toBe("unknown");
    const untold = "note: this folder is not in a git checkout, so whether each translation keeps up with the page it translates cannot be told — build from a clone of the site's repository to have them compared";
    expect(readSite({ contentDir: copy }).problems.map(formatProblem)).toEqual([`${copy}:1 ${untold}`]);
    expect(readSite({ contentDir: translatedSite().dir }).problems).toEqual([]);
  });

  it("is unknown where git has no history of the English page: a repository with no commits, or a page not committed yet", () => {
    const repo = new ThrowawayRepo(tempDir());
    cpSync(fixture, repo.dir, { recursive: true });
    expect(translationOf(repo, "es/values.md").state).toBe("unknown");
    const committed = translatedSite();
    writeFileSync(path.join(committed.dir, "guide-new.md"), "---\ntitle: New guide\ndescription: A guide.\n---\n\nText.\n");
    mkdirSync(path.join(committed.dir, "es"), { recursive: true });
    writeFileSync(path.join(committed.dir, "es", "guide-new.md"), "---\ntitle: Guía nueva\ndescription: Una guía.\ntranslated_from: 2024-01-15\n---\n\nTexto.\n");
    expect(translationOf(committed, "es/guide-new.md").state).toBe("unknown");
  });

  it("lists, with the pages not translated yet, every page's state for the status page", () => {
    const repo = translatedSite();
    edit(repo, "values.md", (text) => `${text}\nMore.\n`);
    repo.commit("2024-02-01T09:00:00Z");
    const rows = translationRows(loadSite({ contentDir: repo.dir }).translations).map(({ url, language, state, behindSince, reviewer }) => ({ url, language: language.tag, state, behindSince, reviewer }));
    expect(rows).toEqual([
      { url: "/", language: "es", state: "up to date", behindSince: undefined, reviewer: "Ana García" },
      { url: "/guide/", language: "es", state: "missing", behindSince: undefined, reviewer: undefined },
      { url: "/values/", language: "es", state: "behind", behindSince: "2024-02-01", reviewer: undefined },
    ]);
  });
});

describe("npm run check on a translated site", () => {
  it("warns when the English page has changed since its translation, with both files and the commits to translate", async () => {
    const repo = translatedSite();
    edit(repo, "values.md", (text) => `${text}\nWe welcome everyone.\n`);
    repo.commit("2024-02-01T09:00:00Z");
    const changed = head(repo).slice(0, 7);
    const translated = repo.git(["rev-list", "--max-parents=0", "HEAD"]).trim().slice(0, 7);
    const { stderr: printed, code } = await checkInProcess(["--content", repo.dir, "--all"], { SITE_TODAY: "2024-06-01" }, repo.dir);
    expect(code).toBe(0);
    expect(printed).toContain(
      `es/values.md:5 warning: this translation is behind: values.md has changed once since it was translated (in ${changed}, https://github.com/example/translated/compare/${translated}...${changed}) — translate what changed, then set translated_from: "${changed}"`,
    );
    // Said on the English page too: a pull request that changes it shows its author the translation to update.
    expect(printed).toContain("values.md:1 note: es/values.md, its translation into Español, is behind this page now — ask a translator to bring it up to date");
  });

  it("names every mistake a translator can make, at its line", async () => {
    const repo = translatedSite();
    edit(repo, "es/values.md", (text) => text.replace("translated_from: 2024-01-15\n", "").replace("de forma abierta.", "de forma abierta. Vea [la guía](/guide/) y [la portada](/)."));
    edit(repo, "values.md", (text) => text.replace("order: 1", "order: 1\ntranslated_from: 2024-01-15"));
    writeFileSync(path.join(repo.dir, "es", "about.md"), "---\ntitle: Acerca de\ndescription: Una página sin original.\ntranslated_from: 2024-01-15\n---\n\nHola.\n");
    mkdirSync(path.join(repo.dir, "es", "es"));
    writeFileSync(path.join(repo.dir, "es", "es", "values.md"), "---\ntitle: Valores otra vez\ndescription: Una página en una carpeta de más.\ntranslated_from: 2024-01-15\n---\n\nHola.\n");
    writeFileSync(path.join(repo.dir, "es", "index.md"), readFileSync(path.join(repo.dir, "es", "index.md"), "utf8").replace("2024-01-15", "abcdef1"));
    const { stderr: printed, code } = await checkInProcess(["--content", repo.dir, "--all"], { SITE_TODAY: "2024-06-01" }, repo.dir);
    expect(code).toBe(1);
    expect(printed).toContain("es/values.md:1 error: this page translates values.md, but does not say which version of it — add translated_from: with the day you translated it, such as 2024-06-01, or the commit of the English page");
    expect(printed).toContain("values.md:5 error: translated_from is for translations, and this page is in the site's own language — remove it, or move the page into the folder of the language it is written in");
    expect(printed).toContain("es/about.md:1 warning: this page in Español translates no page: there is no about.md — give it the file name of the page it translates, or move it out of the es/ folder if it is no translation");
    expect(printed).toContain("es/es/values.md:1 warning: this page in Español would translate es/values.md, which is a page in Español, not in the site's own language — move it into es/, under the file name of the page in the site's own language that it translates");
    expect(printed).toContain("es/index.md:5 error: translated_from is abcdef1, which is not a commit that changed index.md — write the commit of index.md it was translated from, or the day it was translated");
    // A link to an English page that has a Spanish version, but not to one that has none.
    expect(printed).toMatch(/es\/values\.md:9:\d+ warning: this page in Español links to \/, a page in another language; it is also in Español, at \/es\/ — link to \/es\//);
    expect(printed).not.toContain("links to /guide/");
  });

  it("refuses a language with no home page, and a default language missing from the languages", async () => {
    const repo = translatedSite();
    edit(repo, "_data/settings.yaml", (text) => text.replace("  es: Español", "  es: Español\n  fr: Français").replace("language: en", "language: en-US"));
    const { stderr: printed } = await checkInProcess(["--content", repo.dir, "--all"], {}, repo.dir);
    expect(printed).toContain("_data/settings.yaml:5:1 error: the site's language (en-US) is not among its languages — add it to languages, with its name: en-US: American English");
    expect(printed).toContain("_data/settings.yaml:8:3 error: the site is published in Français, but has no Français home page at /fr/ — write content/fr/index.md, the home page in Français");
  });
});

describe("mistakes around translations, each named once and truly", () => {
  const check = async (repo: ThrowawayRepo) => (await checkInProcess(["--content", repo.dir, "--all"], { SITE_TODAY: "2024-06-01" }, repo.dir)).stderr.split("\n");

  it("says a page is in a folder of a language the site does not list, a day to come, a permalink outside the language, and a commit YAML reads as a number", async () => {
    const repo = translatedSite();
    mkdirSync(path.join(repo.dir, "fr"));
    writeFileSync(path.join(repo.dir, "fr", "values.md"), "---\ntitle: Nos valeurs\ndescription: Ce que la communauté défend.\ntranslated_from: 2024-01-15\n---\n\nNous partageons.\n");
    edit(repo, "es/values.md", (text) => text.replace("translated_from: 2024-01-15", "translated_from: 2024-07-01\npermalink: /valores/"));
    edit(repo, "es/index.md", (text) => text.replace("translated_from: 2024-01-15", "translated_from: 1234567"));
    const printed = await check(repo);
    expect(printed).toContain("fr/values.md:4 error: translated_from is for translations, but fr/ is not one of the site's languages, so this page is published as a page of the site's own language — add fr: Français to languages in _data/settings.yaml");
    expect(printed).toContain("es/values.md:5 error: translated_from is 2024-07-01, a day still to come, so changes to values.md until then would go unseen — give the day it was really translated, such as 2024-06-01");
    expect(printed).toContain("es/values.md:6 warning: this page in Español would be published at /valores/, among the pages in English, where its readers and search do not look for it — give it a permalink starting with /es/, or none");
    expect(printed).toContain('es/index.md:5:18 error: "translated_from" should be text, but it is the number 1234567 — put it in quotes, as it is written, so that it is read as text');
  });

  it("keeps an English page out of the Spanish folder, and menu words to the site's languages", async () => {
    const repo = translatedSite();
    edit(repo, "guide.md", (text) => text.replace("order: 2", "order: 2\npermalink: /es/guia/"));
    edit(repo, "_data/navigation.yaml", (text) => text.replace("      es: Valores", "      es: Valores\n      ex: Valeurs"));
    const printed = await check(repo);
    expect(printed).toContain("guide.md:5 warning: this page in English would be published at /es/guia/, among the pages in Español, where its readers and search do not look for it — give it a permalink outside /es/, or none");
    expect(printed).toContain('_data/navigation.yaml:10:7 warning: the menu item "Values" has words in "ex", which is not one of the site\'s languages (en, es) — correct the language\'s short code, or add the language to languages in _data/settings.yaml');
  });

  it("says a translation's English page is a draft, rather than missing", async () => {
    const repo = translatedSite();
    edit(repo, "values.md", (text) => text.replace("order: 1", "order: 1\ndraft: true"));
    expect(await check(repo)).toContain("es/values.md:1 warning: this page in Español translates values.md, which is not published (a draft, or with mistakes to fix) — publish values.md first, or make this page a draft too");
  });

  it("refuses a language tag that browsers do not know, in the settings' words", async () => {
    const repo = translatedSite();
    edit(repo, "_data/settings.yaml", (text) => text.replace("  es: Español", "  es: Español\n  es-12: Doce\n  ES: Mayúsculas"));
    const printed = await check(repo);
    expect(printed).toContain('_data/settings.yaml:8:3 error: the name "es-12" in "languages" must be a language tag such as en or es-MX — write the language\'s short code: en for English, es for Spanish');
    expect(printed).toContain('_data/settings.yaml:9:3 error: the name "ES" in "languages" must be a language tag such as en or es-MX — write the language\'s short code: en for English, es for Spanish');
  });

  it("says nothing false about translations while another data file has a mistake", async () => {
    const repo = translatedSite();
    edit(repo, "_data/navigation.yaml", (text) => text.replace("  - text: Guide", "  - txt: Guide"));
    const printed = await check(repo);
    expect(printed.filter((line) => / (error|warning): /.test(line))).toEqual([
      '_data/navigation.yaml:10:5 error: the field "text" in the third entry of "primary" is missing — add "text:" with text',
      '_data/navigation.yaml:10:5 error: unknown field "txt" in the third entry of "primary" — did you mean "text"?',
    ]);
  });

  it("lets a translation link to the page it translates", async () => {
    const repo = translatedSite();
    edit(repo, "es/values.md", (text) => text.replace("de forma abierta.", "de forma abierta. [Lea la página en inglés](/values/)."));
    expect((await check(repo)).some((line) => line.includes("links to /values/"))).toBe(false);
  });

  it("reads the history of a content folder reached through a symbolic link", () => {
    const repo = translatedSite();
    edit(repo, "values.md", (text) => `${text}\nMore.\n`);
    repo.commit("2024-02-01T09:00:00Z");
    const link = path.join(tempDir(), "linked");
    symlinkSync(repo.dir, link);
    expect(loadSite({ contentDir: link }).translations.translations.get(path.join(link, "es", "values.md"))?.state).toBe("behind");
  });
});

describe("the layouts' words in each language", () => {
  const languages = siteLanguages({ language: "en", languages: { en: "English", es: "Español", fr: "Français" } });

  it("are complete in English and Spanish", () => {
    const { strings, problems } = loadStrings(languages.slice(0, 2));
    expect(problems).toEqual([]);
    expect(strings.get("es")!.fallback.size).toBe(0);
    expect(strings.get("es")!.words.skip_link).toBe("Ir al contenido principal");
  });

  it("fall back to English, named by check, where a language has no file or lacks a string", () => {
    const folder = tempDir();
    cpSync(path.join(stringsFolder, "en.yaml"), path.join(folder, "en.yaml"));
    writeFileSync(path.join(folder, "es.yaml"), "skip_link: Ir al contenido principal\nsearch_site: Buscar en el sitio\n");
    const { strings, problems } = loadStrings(languages, folder);
    expect(strings.get("fr")!.words.skip_link).toBe("Skip to main content");
    expect(strings.get("es")!.words.skip_link).toBe("Ir al contenido principal");
    expect(strings.get("es")!.fallback.has("menu")).toBe(true);
    expect(strings.get("es")!.fallback.has("search_site")).toBe(true);
    const messages = problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.severity}: ${p.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^es\.yaml:2 error: "search_site" must have \{site\}, as in English \("Search \{site\}"\), or the site cannot fill it in$/));
    expect(messages).toContainEqual(expect.stringMatching(/^es\.yaml:1 warning: \d+ of the site's words are not translated into Español, so they show in English: official_site, home, /));
    expect(messages).toContainEqual("fr.yaml:1 warning: the site is published in Français, but there is no strings file for it, so its menus, notices and buttons are in English");
  });

  it("name a strings file that cannot be read, a folder in its place, instead of stopping the command", () => {
    const said = (problems: Problem[]) => problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.severity}: ${p.message} — ${p.fix}`);
    const noSpanish = tempDir();
    cpSync(path.join(stringsFolder, "en.yaml"), path.join(noSpanish, "en.yaml"));
    mkdirSync(path.join(noSpanish, "es.yaml"));
    const spanish = loadStrings(languages.slice(0, 2), noSpanish);
    expect(spanish.strings.get("es")!.words.skip_link).toBe("Skip to main content");
    expect(said(spanish.problems)).toEqual([
      `es.yaml:1 warning: es.yaml is a folder, not a file, so the menus, notices and buttons of the pages in Español are in English — remove the folder in its place, then copy en.yaml to es.yaml in ${noSpanish}/ and translate each line`,
    ]);

    // Saved as UTF-16, it is named once, not read as thousands of NULs.
    rmSync(path.join(noSpanish, "es.yaml"), { recursive: true });
    writeFileSync(path.join(noSpanish, "es.yaml"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path.join(stringsFolder, "es.yaml"), "utf8"), "utf16le")]));
    const utf16 = loadStrings(languages.slice(0, 2), noSpanish);
    expect(utf16.strings.get("es")!.words.skip_link).toBe("Skip to main content");
    expect(utf16.texts.has(path.join(noSpanish, "es.yaml"))).toBe(false);
    expect(said(utf16.problems)).toEqual([
      'es.yaml:1 warning: the file is saved as UTF-16 (what Notepad calls "Unicode"), and the site reads only UTF-8, so the menus, notices and buttons of the pages in Español are in English — save it again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)',
    ]);

    // A folder named for a region of the language does not hide the language's own file.
    const regionFolder = tempDir();
    cpSync(path.join(stringsFolder, "en.yaml"), path.join(regionFolder, "en.yaml"));
    cpSync(path.join(stringsFolder, "es.yaml"), path.join(regionFolder, "es.yaml"));
    mkdirSync(path.join(regionFolder, "es-MX.yaml"));
    const mexican = loadStrings([languages[0]!, { ...languages[1]!, tag: "es-MX" }], regionFolder);
    expect(mexican.strings.get("es-MX")!.words.skip_link).toBe("Ir al contenido principal");
    expect(said(mexican.problems)).toEqual([]);

    // Without English, its error alone is said: the Spanish strings' braces are not compared with nothing.
    const noEnglish = tempDir();
    mkdirSync(path.join(noEnglish, "en.yaml"));
    cpSync(path.join(stringsFolder, "es.yaml"), path.join(noEnglish, "es.yaml"));
    const english = loadStrings(languages.slice(0, 2), noEnglish);
    // The preview shows each string's name meanwhile.
    expect(english.strings.get("en")!.words.skip_link).toBe("skip_link");
    expect(said(english.problems)).toEqual([
      `en.yaml:1 error: en.yaml is a folder, not a file, so no page can be published: every page's menus, notices and buttons are read from it — remove the folder in its place, then restore it with git checkout -- ${path.join(noEnglish, "en.yaml")}`,
    ]);
  });

  it("are checked as a page's lines are: garbled text, and characters nobody can see, at their line and column", () => {
    const folder = tempDir();
    cpSync(path.join(stringsFolder, "en.yaml"), path.join(folder, "en.yaml"));
    const es = path.join(folder, "es.yaml");
    writeFileSync(es, readFileSync(path.join(stringsFolder, "es.yaml"), "utf8").replace("Ir al contenido principal", "Ir al contenido\u202E principal").replace("Buscar en {site}", "BÃºsqueda en {site}"));
    const model = readSite({ contentDir: path.join(fixtures, "checks", "base"), today: "2026-11-23" });
    model.stringTexts = loadStrings(languages.slice(0, 2), folder).texts;
    expect(checkModel(model, { strict: false }).problems.filter((p) => p.file === es).map(formatProblem)).toEqual([
      `${es}:4:27 error: there is a hidden text-direction control (U+202E) here, which nobody can see — delete it: put the cursor just after it and press Backspace, or retype the word`,
      `${es}:10:15 error: "Ãº" is garbled text (UTF-8 read with the wrong encoding) — replace it with "ú"`,
    ]);
  });

  it("refuse a name that is not one of the site's strings", () => {
    const folder = tempDir();
    cpSync(path.join(stringsFolder, "en.yaml"), path.join(folder, "en.yaml"));
    writeFileSync(path.join(folder, "es.yaml"), "skip_lnk: Ir al contenido principal\n");
    const { problems } = loadStrings(languages.slice(0, 2), folder);
    expect(problems[0]).toMatchObject({ line: 1, severity: "error" });
    expect(problems[0]!.fix).toContain("skip_link");
  });
});

describe("the words that point to the original", () => {
  it("name the site's own language, whichever it is, in the reader's words", () => {
    const english = loadStrings(siteLanguages({ language: "en", languages: { en: "English", es: "Español" } })).strings;
    expect(translateText(english.get("es")!, "read_original")).toBe("Leer la página en inglés");
    expect(translateText(english.get("en")!, "only_in_default", { language: "English" })).toBe("English: this page is only in English for now");

    // A Spanish site with English translations: the English reader is sent to the Spanish page, named in English.
    const spanish = loadStrings(siteLanguages({ language: "es", languages: { es: "Español", en: "English" } })).strings;
    expect(translateText(spanish.get("en")!, "read_original")).toBe("Read the Spanish page");
    expect(translateText(spanish.get("en")!, "translation_unreviewed")).toContain("the Spanish page is the one to trust");
    expect(translateText(spanish.get("es")!, "only_in_default", { language: "Español" })).toBe("Español: esta página solo está disponible en español");
  });

  it("are in English, marked as English, where a language lacks the string", () => {
    const folder = tempDir();
    cpSync(path.join(stringsFolder, "en.yaml"), path.join(folder, "en.yaml"));
    writeFileSync(path.join(folder, "es.yaml"), "skip_link: Ir al contenido principal\n");
    const { strings } = loadStrings(siteLanguages({ language: "en", languages: { en: "English", es: "Español" } }), folder);
    expect(translate(strings.get("es")!, "read_original").toString()).toBe('<span lang="en">Read the English page</span>');
  });
});

describe("a translation that has fallen behind, as its readers see it", () => {
  it("says it may be out of date since the English page changed, links to the English page, and is listed as behind", async () => {
    const repo = translatedSite();
    edit(repo, "values.md", (text) => `${text}\nWe welcome everyone.\n`);
    repo.commit("2024-02-01T09:00:00Z");
    const { code, output } = await buildInto(repo.dir);
    expect(code).toBe(0);
    const notice = readPage(output, "/es/values/").querySelector(".translation-notice")!;
    expect(text(notice)).toBe("Es posible que esta traducción no esté al día. La página en inglés cambió después de traducirse, el 1 de febrero de 2024. Esta traducción todavía no ha sido revisada. Si algo no está claro, la página en inglés es la que vale. Leer la página en inglés");
    expect(notice.querySelector("time")?.getAttribute("datetime")).toBe("2024-02-01");
    expect(notice.querySelector("a")?.getAttribute("href")).toBe("/values/");
    // The reviewed, up-to-date home page says nothing.
    expect(readPage(output, "/es/").querySelector(".translation-notice")).toBeNull();

    const rows = readPage(output, "/translations/").querySelectorAll("tbody tr").map((row) => text(row));
    expect(rows).toEqual(["Translated Example Up to date. Reviewed by Ana García", "Guide Not translated", "Our values Behind since February 1, 2024. Not reviewed yet"]);

    // An old address of a Spanish page sends its readers on in Spanish.
    const moved = readPage(output, "/es/valores/");
    expect(moved.querySelector("html")?.getAttribute("lang")).toBe("es");
    expect(text(moved.querySelector("main"))).toBe("Esta página cambió de lugar Ahora está en Nuestros valores.");
  });
});
