import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareSite } from "../../src/prepare.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { checkedProblems, fixtures } from "../helpers.ts";

const page = (title: string, extra = "", body = "Text.") => `---\ntitle: ${title}\ndescription: A page.\n${extra}---\n\n${body}\n`;

describe("pages that moved", () => {
  it("a link to a page's old address says where the page is now", async () => {
    expect(
      await checkedProblems({
        "guide.md": page("Guide", "redirect_from: [/old-guide/]\n", "## Steps\n\nDo it."),
        "start.md": page("Start", "", "Read [the guide](/old-guide/#steps)."),
      }),
    ).toEqual(['start.md:6:18 warning: the link to "/old-guide/#steps" goes to an old address: that page moved to /guide/, and readers are sent on from here — link to its address now: /guide/#steps']);
  });

  it("a link to an old address in letters beyond a-z is named as the editor wrote it, and to one that is not the site's too", async () => {
    expect(
      await checkedProblems({
        "guide.md": page("Guía", "redirect_from: [/es/guía-vieja/]\n"),
        "start.md": page("Start", "", "Read [the guide](/es/guía-vieja/) and [the old one](/es/guía-antigua/)."),
      }),
    ).toEqual([
      'start.md:6:18 warning: the link to "/es/guía-vieja/" goes to an old address: that page moved to /guide/, and readers are sent on from here — link to its address now: /guide/',
      'start.md:6:53 error: the link to "/es/guía-antigua/" goes to a page that does not exist — check the address, or create the page',
    ]);
  });

  it("an old address that hosts show for every address they cannot find is refused", async () => {
    expect(await checkedProblems({ "finder.md": page("Finder", "redirect_from: [/404.html, /ES/404.html]\n") })).toEqual([
      "finder.md:4 error: /404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from; to change what readers see there, write a page with permalink: /404.html",
      "finder.md:4 error: /ES/404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from; to change what readers see there, write a page with permalink: /es/404.html",
    ]);
    // Where the site has its page, that page is named, however the folder is capitalised: moving the page away would free nothing.
    expect(
      await checkedProblems({ "finder.md": page("Finder", "redirect_from: [/404.html, /ES/404.html]\n"), "not-found.md": page("Not found", "permalink: /404.html\nunlisted: true\n"), "es/not-found.md": page("No encontrada", "permalink: /es/404.html\nunlisted: true\n") }),
    ).toEqual([
      "finder.md:4 error: /404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from; to change what readers see there, edit not-found.md",
      "finder.md:4 error: /ES/404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from; to change what readers see there, edit es/not-found.md",
    ]);
    // An old address the schema refuses is not told to become the 404 page's.
    expect(await checkedProblems({ "finder.md": page("Finder", "redirect_from: [/404.HTML]\n") })).toEqual([
      'finder.md:4:17 error: the first entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/404.HTML" — remove it from redirect_from: as an old address it would be /404.html, which hosts show for every address they cannot find, so every mistyped address would come here',
    ]);
    // Each old address is said at its own line, though an earlier one holds it.
    expect(await checkedProblems({ "finder.md": page("Finder", "redirect_from:\n  - /es/404.html\n  - /404.html\n") })).toEqual([
      "finder.md:5 error: /es/404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from; to change what readers see there, write a page with permalink: /es/404.html",
      "finder.md:6 error: /404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from; to change what readers see there, write a page with permalink: /404.html",
    ]);
    // A 404 page still a draft is to be published.
    expect(await checkedProblems({ "finder.md": page("Finder", "redirect_from: [/404.html]\n"), "not-found.md": page("Not found", "permalink: /404.html\ndraft: true\n") })).toEqual([
      "finder.md:4 error: /404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from; to change what readers see there, publish not-found.md (remove its draft: true)",
    ]);
    // The 404 page itself is told only to remove it.
    expect(await checkedProblems({ "not-found.md": page("Not found", "permalink: /404.html\nunlisted: true\nredirect_from: [/404.html]\n") })).toEqual([
      "not-found.md:6 error: /404.html cannot redirect here: hosts show it for every address they cannot find, so every mistyped address would come here — remove it from redirect_from",
    ]);
  });

  it("an old address that is a page the site makes itself names it so", async () => {
    expect(await checkedProblems({ "finder.md": page("Finder", "redirect_from: [/search/]\n") })).toEqual([
      "finder.md:4 error: /search/ cannot redirect here: it is the address of a page the site makes itself — remove it from redirect_from, or move that page first",
    ]);
  });

  it("check --since warns of a file, or an address redirect_from cannot take, that is gone, rather than ask for a redirect it would refuse", () => {
    const since = { file: "old-list.txt", text: `/files/report.pdf\n/blog/a%2525C3/\n/es/404.html\n/blog/${"新年".repeat(40)}/\n/gone/\n/gone-too\n/contact\n` };
    const { problems } = prepareSite({ contentDir: path.join(fixtures, "checks", "base") }, { strict: false, since });
    const cannot = "was published before and is gone now, and redirect_from cannot keep an address like it — if it should still work, put back the file or page that was there";
    expect(problems.filter((p) => p.file === "old-list.txt").map(formatProblem)).toEqual([
      `old-list.txt:1 warning: the address /files/report.pdf ${cannot}`,
      `old-list.txt:2 warning: the address /blog/a%25C3/ ${cannot}`,
      `old-list.txt:3 warning: the address /es/404.html ${cannot}`,
      `old-list.txt:4 warning: the address /blog/${"新年".repeat(40)}/ ${cannot}`,
      "old-list.txt:5 error: the address /gone/ was published before and is gone now — add it to the redirect_from of the page that replaces it, so links to it keep working",
      "old-list.txt:6 error: the address /gone-too was published before and is gone now — add /gone-too/ to the redirect_from of the page that replaces it, so links to it keep working",
    ]);
  });

  it("an old address that is its own page's but for capitals redirects there, and keeps the old site's address working", async () => {
    expect(await checkedProblems({ "contact.md": readFileSync(path.join(fixtures, "checks", "base", "contact.md"), "utf8").replace("title:", "redirect_from: [/Contact/]\ntitle:") })).toEqual([]);
    expect(await checkedProblems({ "old.md": page("Old", "redirect_from: [/Contact/]\n") })).toEqual([
      "old.md:4 error: /Contact/ would be written to the same file as /contact/ where capitals are not told apart (Windows, macOS, some hosts) — use /contact/ only, or choose another address",
    ]);
    // Its own file, written the same, is no old address but the page's.
    const contact = readFileSync(path.join(fixtures, "checks", "base", "contact.md"), "utf8");
    expect(await checkedProblems({ "contact.md": contact.replace("title:", "redirect_from: [/contact/index.html]\ntitle:") })).toEqual([
      "contact.md:2 error: /contact/index.html would be written to the same file as /contact/ — use /contact/ only, or choose another address",
    ]);
    // Two old addresses in other capitals that are one file between them are still two.
    expect(await checkedProblems({ "contact.md": contact.replace("title:", "redirect_from: [/Contact/, /Contact/index.html]\ntitle:") })).toEqual([
      "contact.md:2 error: /Contact/index.html would be written to the same file as /Contact/ — use /Contact/ only, or choose another address",
    ]);
  });
});

describe("check --since, given something other than a previous site's addresses", () => {
  /** What check says of the file given as --since, a line each, after the file's name. */
  const since = (text: string | Buffer) => {
    // Read as check reads it: bytes that are not UTF-8 become U+FFFD, and NUL stays.
    const given = { file: "old-sitemap.xml", text: typeof text === "string" ? text : new TextDecoder().decode(text) };
    const { problems } = prepareSite({ contentDir: path.join(fixtures, "checks", "base") }, { strict: false, since: given });
    return problems.filter((p) => p.file === given.file).map((p) => formatProblem(p).slice(given.file.length));
  };
  const giveSitemap = "give the sitemap.xml that lists the site's pages, such as https://code.ca.gov/sitemap.xml, or a saved copy of it";

  it("fails, saying what the file is, instead of passing with nothing compared", () => {
    expect(since("<!doctype html>\n<html><body><p>We could not find that page.</p></body></html>\n")).toEqual([`:1 error: the previous site's list cannot be read: it is a web page, not a sitemap — ${giveSitemap}`]);
    expect(since('<?xml version="1.0"?>\n<sitemapindex><sitemap><loc>https://code.ca.gov/pages.xml</loc></sitemap></sitemapindex>\n')).toEqual([`:1 error: the previous site's list cannot be read: it is a sitemap index, which lists other sitemaps rather than pages — ${giveSitemap}`]);
    expect(since(gzipSync("/contact/\n"))).toEqual([`:1 error: the previous site's list cannot be read: it is not plain text: a compressed file (sitemap.xml.gz), a file saved as UTF-16, or another kind of file — ${giveSitemap}`]);
    expect(since("Our pages\n\nAbout us, and how to reach us.\n")).toEqual([`:1 error: the previous site's list cannot be read: it holds no address: it is neither a sitemap (with <loc> lines) nor a list of one address a line — ${giveSitemap}`]);
  });

  it("names each line of a list that is no address, at its line, and checks the rest", () => {
    expect(since("/contact/\nhttps://\nWe could not find that page.\n/gone/\n")).toEqual([
      ':2 error: "https://" is not an address — write one address a line, from the site\'s root or whole, such as /about/ or https://code.ca.gov/about/',
      ':3 error: "We could not find that page." is not an address — write one address a line, from the site\'s root or whole, such as /about/ or https://code.ca.gov/about/',
      ":4 error: the address /gone/ was published before and is gone now — add it to the redirect_from of the page that replaces it, so links to it keep working",
    ]);
  });
});
