import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { md } from "../../src/markdown/markdown.ts";
import { prepareSite } from "../../src/prepare.ts";
import { checkedProblems, fixtures, tempDir } from "../helpers.ts";

const page = (front: string, body: string) => `---\ntitle: Notes\ndescription: Notes from the meeting.\n${front}---\n\n${body}\n`;
const baseData = (file: string) => readFileSync(path.join(fixtures, "checks", "base", "_data", file), "utf8");

describe("what would flood every page, or slip onto one unseen, is refused at its line", () => {
  it("a data block shown twice on a page, which is made once meanwhile", async () => {
    expect(await checkedProblems({ "notes.md": page("", "{{ contact }}\n\nAnd again:\n\n{{ contact }}") })).toEqual([
      "notes.md:10 error: {{ contact }} is on this page already, on line 6 — show it once: remove this one, or link to the first with its section's address",
    ]);
    let made = 0;
    const markdown = md({ blocks: { contact: () => `<p>${++made}</p>\n` } });
    expect(markdown.render("{{ contact }}\n\n{{ contact }}\n")).toBe("<p>1</p>\n");
    // Each page is its own: the next page shows the block too.
    expect(markdown.render("{{ contact }}\n")).toBe("<p>2</p>\n");
  });

  it("menus and settings of a length no person writes, or of spaces alone, which every page would carry", async () => {
    const items = (count: number) => Array.from({ length: count }, (_, i) => `  - text: Item ${i}\n    url: /\n`).join("");
    const navigation = `primary:\n${items(11)}footer:\n  - text: "\\u00a0 "\n    url: /contact/\n`;
    const settings = baseData("settings.yaml").replace("name: Checks Example", `name: ${"Checks ".repeat(20)}`).replace("copyright: Checks Example", 'copyright: " "');
    expect(await checkedProblems({ "_data/navigation.yaml": navigation, "_data/settings.yaml": settings })).toEqual([
      '_data/settings.yaml:1:7 error: "name" is 139 characters long, more than the 100 it may have — shorten it to at most 100 characters',
      '_data/settings.yaml:11:12 error: "copyright" is empty — write some text here',
      '_data/navigation.yaml:2:3 error: "primary" is 11 items long, more than the 10 it may have — shorten it to at most 10 items',
      '_data/navigation.yaml:25:11 error: "text" in the first entry of "footer" is empty — write some text here',
    ]);
  });

  it("a data file too large to read is said once, not also as missing", async () => {
    const settings = `${baseData("settings.yaml")}# ${"x".repeat(1024 * 1024)}\n`;
    expect((await checkedProblems({ "_data/settings.yaml": settings })).filter((line) => line.startsWith("_data/settings.yaml"))).toEqual([
      "_data/settings.yaml:1 error: this data file is 1,048,903 bytes, more than the 1 MB one may be — make it smaller, or split it in two",
    ]);
  });

  it("a link or an image to a file on the editor's own computer", async () => {
    expect(await checkedProblems({ "notes.md": page("", "See [the plan](file:///C:/Users/me/plan.docx) for details.\n\n![The map](file:///C:/Users/me/map.png)") })).toEqual([
      'notes.md:6:5 error: "[the plan](file:///C:/Users/me/plan.docx)" points at a file on your own computer, which no reader can open, so it shows as plain text — link to the file\'s web address (https://…), or write what it says on a page of its own',
      'notes.md:8:1 error: "![The map](file:///C:/Users/me/map.png)" points at a file on your own computer, which no reader can open, so it shows as plain text — put the image in content/images/ and write its address so: /images/name.png',
    ]);
  });

  it("an image whose address is a page's, which shows as a broken image; the layouts' own images are images", async () => {
    expect(await checkedProblems({ "notes.md": page("", "![Our contacts](/contact/)\n\n![The site's map](/sitemap.xml)\n\n![The State of California](/assets/ca-gov-logo.svg)") })).toEqual([
      'notes.md:6:17 error: the image "/contact/" is the address of a page or another file, not of an image — give the address of an image in content/images/, such as /images/map.png',
      'notes.md:8:19 error: the image "/sitemap.xml" is the address of a page or another file, not of an image — give the address of an image in content/images/, such as /images/map.png',
    ]);
  });

  it("a page or a data file saved as UTF-16, in one problem each rather than one a character", async () => {
    const utf16 = (text: string, mark = "\uFEFF") => Buffer.from(mark + text, "utf16le");
    const said = 'error: the file is saved as UTF-16 (what Notepad calls "Unicode"), and the site reads only UTF-8 — save it again as UTF-8 (in most editors: Save As, then Encoding: UTF-8)';
    expect(await checkedProblems({ "notes.md": utf16(page("", "Some notes.")), "minutes.md": utf16(page("", "Some minutes."), ""), "_data/navigation.yaml": utf16(baseData("navigation.yaml")) })).toEqual([
      `_data/navigation.yaml:1 ${said}`,
      `minutes.md:1 ${said}`,
      `notes.md:1 ${said}`,
    ]);
  });

  it("a page whose folders make an address longer than any sitemap takes", async () => {
    const folders = Array.from({ length: 9 }, (_, i) => `${String(i)}${"a".repeat(249)}`).join("/");
    expect(await checkedProblems({ [`${folders}/notes.md`]: page("", "Some notes.") })).toEqual([
      `${folders}/notes.md:1 error: the page's address, made of its folders' and file's names, is 2,266 characters long, more than the 2,000 an address may have — shorten the names of its folders, or of the file`,
    ]);
  });

  it("a file name with a character nobody can see, even where a permalink gives the page its address and any other name will do", async () => {
    const pages = {
      "notes\u202e1.md": page("permalink: /notes/\n", "Some notes."),
      "Annual Report #1.md": page("permalink: /annual-report/\n", "Some figures.").replace("title: Notes", "title: Report"),
    };
    expect(await checkedProblems(pages)).toEqual([
      'notes\\u202e1.md:1 error: the file name "notes\\u202e1.md" has characters other than those everyone can see, so no editor can tell what the file is called — rename the file "notes-1.md"',
    ]);
  });

  it("a folder in place of a data file the site needs", () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    rmSync(path.join(content, "_data", "navigation.yaml"));
    mkdirSync(path.join(content, "_data", "navigation.yaml"));
    expect(prepareSite({ contentDir: content }, { strict: false }).problems.filter((p) => p.severity === "error").map((p) => `${path.relative(content, p.file)}:${p.line} ${p.message} — ${p.fix}`)).toEqual([
      "_data/navigation.yaml:1 navigation.yaml is a folder, not the data file — remove the folder, and put the file navigation.yaml in its place",
    ]);
  });
});
