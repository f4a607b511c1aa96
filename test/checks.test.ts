import { cpSync, readdirSync, writeFileSync } from "node:fs";
import dns from "node:dns/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { generateInventories } from "../scripts/bench/generate.ts";
import { fixtures, problemLines, checkInProcess, runScript, tempDir } from "./helpers.ts";

/** A small site: the checks' base fixture with one kind of mistake's pages on top, in a folder of its own. */
function fixtureSite(kind: string) {
  const parent = tempDir();
  const content = path.join(parent, kind);
  cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
  cpSync(path.join(fixtures, "checks", kind), content, { recursive: true });
  return { parent, content };
}

/** Runs `npm run check` on a fixture site, in this process. */
async function checkFixture(kind: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const { parent, content } = fixtureSite(kind);
  const result = await checkInProcess(["--content", kind, ...args], env, parent);
  return { ...result, lines: problemLines(result.stderr), content, parent };
}

describe("npm run check", () => {
  it("passes a site without mistakes, writing nothing", async () => {
    const { parent } = fixtureSite("base");
    const { code, stdout, stderr } = await checkInProcess(["--content", "base"], {}, parent);
    expect(problemLines(stderr)).toEqual([]);
    expect(code).toBe(0);
    expect(stdout).toContain("no errors");
    expect(readdirSync(parent)).toEqual(["base"]);
  });

  it("front matter: YAML syntax, missing, unknown and mistyped fields, invalid dates, executable front matter", async () => {
    const { code, lines, stderr } = await checkFixture("frontmatter");
    expect(lines).toEqual([
      'frontmatter/dates.md:4:16 error: "last_reviewed" should be a real date written YYYY-MM-DD, but it is the text "2024-02-30" — write the date like 2025-06-30',
      'frontmatter/executable.md:1 error: front matter written as js code is not allowed — start the file with a plain "---" line and write the fields in YAML',
      'frontmatter/syntax.md:3:1 error: the YAML cannot be read: a character is missing (often a closing quote or bracket) — check the quotes, colons and indentation on this line and the one above',
      'frontmatter/typo.md:1 error: the field "description" is missing — add "description:" with text',
      'frontmatter/typo.md:3:1 error: unknown field "descripton" — did you mean "description"?',
      'frontmatter/typo.md:4:8 error: "order" should be a number, but it is the text "2" — write a number here',
    ]);
    expect(stderr).toContain("6 errors, 0 warnings, 0 notes");
    expect(code).toBe(1);
  });

  it("drafts: says which pages are drafts (a note), and that a link to one goes nowhere", async () => {
    const { code, lines } = await checkFixture("drafts");
    expect(lines).toEqual([
      'drafts/links-to-draft.md:6:31 error: the link to "/upcoming/" goes to a page that is still a draft, so it is not published — publish that page first (remove its draft: true), or remove the link',
      "drafts/upcoming.md:4 note: this page is a draft: it is left out of the site, its menus, sitemap and search — remove draft: true when it is ready to publish",
    ]);
    expect(code).toBe(1);
  });

  it("two pages at one address (error) and two pages with one title (warning)", async () => {
    const { code, lines } = await checkFixture("duplicates");
    expect(lines).toEqual([
      "duplicates/contact.md:1 error: this page and duplicates/contact-again.md would both be published at /contact/ — give one of them another file name or permalink",
      'duplicates/contact.md:2 warning: this page has the same title as duplicates/contact-again.md ("Contact") — give each page its own title so readers can tell them apart in search and menus',
    ]);
    expect(code).toBe(1);
  });

  it("links to pages and sections that do not exist, with the nearest section suggested", async () => {
    const { code, lines } = await checkFixture("links");
    expect(lines).toEqual([
      'links/broken.md:8:20 error: the link to "/agencys/" goes to a page that does not exist — check the address, or create the page',
      'links/broken.md:8:51 error: the link "/contact/#write-to-uss" goes to a section "#write-to-uss" that is not on the page /contact/ — did you mean "#write-to-us"?',
      'links/broken.md:10:21 error: the link "#start-her" goes to a section "#start-her" that is not on this page — did you mean "#start-here"?',
      'links/broken.md:10:60 error: the link "contact.md" points at a Markdown file, which is not published — link to the page\'s address instead: /contact/',
      'links/broken.md:12:17 error: the link to "../team/" goes to a page that does not exist — check the address, or create the page',
    ]);
    expect(code).toBe(1);
  });

  it("links to the pages of the site map and the project list, which have as many pages as their lists need", async () => {
    const parent = tempDir();
    const content = path.join(parent, "lists");
    cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
    cpSync(path.join(fixtures, "checks", "lists"), content, { recursive: true });
    generateInventories(content, 1, 60);
    const { code, stderr } = await checkInProcess(["--content", "lists"], {}, parent);
    expect(problemLines(stderr).filter((line) => line.includes(" error: "))).toEqual([
      'lists/lists.md:8:38 error: the link to "/projects/page-3/" goes to a page that does not exist — did you mean "/projects/page-2/"?',
      'lists/lists.md:8:94 error: the link to "/site-map/page-2/" goes to a page that does not exist — check the address, or create the page',
    ]);
    expect(code).toBe(1);
  });

  it("a mistyped option or a content folder that is not there: what is wrong and the options, not a stack trace", async () => {
    const typo = await runScript("check", ["--contnet", "site"]);
    expect(typo.stderr).toContain("error: --contnet is not an option of this command — did you mean --content?");
    expect(typo.stderr).toContain("--content DIR");
    expect(typo.code).toBe(2);
    const missing = await runScript("check", ["--content", "no-such-folder"], {}, tempDir());
    expect(missing.stderr).toMatch(/^error: there is no content folder at \S*no-such-folder — give --content \(or SITE_CONTENT\) the folder/m);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(missing.code).toBe(2);
    const help = await runScript("check", ["--help"]);
    expect(help.stdout).toContain("--path-prefix /repo/");
    expect(help.code).toBe(0);
  });

  it("files as editors save them: a byte order mark and Windows line endings pass; a file not in UTF-8 and names an address cannot carry do not", async () => {
    const { content, parent } = await checkFixture("base");
    const page = (title: string, body: string, newline = "\n") => ["---", `title: ${title}`, `description: A page about ${title}.`, "---", "", body, ""].join(newline);
    writeFileSync(path.join(content, "notepad.md"), "\uFEFF" + page("Notepad", "Saved with a byte order mark. [Write to us](/contact/#write-to-us)."));
    writeFileSync(path.join(content, "windows.md"), page("Windows", "## Saved on Windows\r\n\r\nSee [the saved section](#saved-on-windows).", "\r\n"));
    writeFileSync(path.join(content, "latin.md"), Buffer.from(page("Latin", "Caf\u00e9 con leche."), "latin1"));
    writeFileSync(path.join(content, "My Page.md"), page("Spaces", "Text."));
    writeFileSync(path.join(content, "Annual-Report.md"), page("Report", "Text."));
    const { code, stderr } = await checkInProcess(["--content", "base"], {}, parent);
    expect(problemLines(stderr).filter((line) => !line.includes(" note: "))).toEqual([
      "base/latin.md:6:4 error: a character here could not be read: the file is not saved as UTF-8 (it shows as �) — save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8) and type the character again",
      'base/My Page.md:1 error: the file name "My Page.md" has a space in it, so the page\'s address would be /My Page/ — rename the file "my-page.md"',
      'base/Annual-Report.md:1 warning: the file name "Annual-Report.md" has capital letters, so the page\'s address would be /Annual-Report/ — rename the file "annual-report.md"',
    ]);
    expect(code).toBe(1);
  });

  it("images that are missing, undescribed or from another website", async () => {
    const { code, lines } = await checkFixture("images");
    expect(lines).toEqual([
      'images/pictures.md:8:5 error: the image "/images/map.png" has no alt text — describe what the image shows between the square brackets: ![A map of California](…)',
      'images/pictures.md:10:14 error: the image "/images/coast.png" does not exist — add the file to content/images/coast.png, or correct the address',
      'images/pictures.md:12:1 error: the image "/images/tile.png" has no alt text — add alt="what the image shows" (or alt="" if it is only decoration)',
      'images/pictures.md:12:1 error: the image "/images/tile.png" does not exist — add the file to content/images/tile.png, or correct the address',
      "images/pictures.md:14:9 error: the image https://example.com/logo.png is loaded from another website — save a copy in content/images/ and link to it: pages load nothing from other servers",
    ]);
    expect(code).toBe(1);
  });

  it("links whose words say nothing are warnings, and do not fail the check", async () => {
    const { code, lines } = await checkFixture("link-text");
    expect(lines).toEqual([
      'link-text/vague.md:6:30 warning: the link text "click here" does not say where the link goes — use words that name the destination, such as the page\'s title',
      "link-text/vague.md:8:59 warning: the link text is a bare address (https://cdt.ca.gov/technology-letters/) — use words that name the destination; screen readers read addresses letter by letter",
      'link-text/vague.md:10:13 warning: the link text "Read more" does not say where the link goes — use words that name the destination, such as the page\'s title',
    ]);
    expect(code).toBe(0);
  });

  it("a second top-level heading and a skipped heading level", async () => {
    const { code, lines } = await checkFixture("headings");
    expect(lines).toEqual([
      'headings/outline.md:6 error: a second top-level heading (#): the page\'s title is already its heading — use "##" for a section, or change the title in the front matter',
      "headings/outline.md:10 error: the heading skips from level 2 to level 4 — use ### here, so readers of the page's outline miss nothing",
    ]);
    expect(code).toBe(1);
  });

  it("raw HTML that runs code or loads from elsewhere, while harmless HTML stays", async () => {
    const { code, lines } = await checkFixture("raw-html");
    expect(lines).toEqual([
      "raw-html/unsafe.md:6:1 error: a <script> element runs code, which pages may not do — remove the <script>; write the content in Markdown",
      "raw-html/unsafe.md:8:1 error: a <iframe> element embeds another website, which pages may not do — link to the content instead of embedding it",
      "raw-html/unsafe.md:10:1 error: a <object> element embeds a plugin or another document, which pages may not do — remove the <object>; write the content in Markdown",
      "raw-html/unsafe.md:12:1 error: a <embed> element embeds a plugin or another document, which pages may not do — remove the <embed>; write the content in Markdown",
      "raw-html/unsafe.md:14:1 error: a <style> element restyles the whole site, which pages may not do — remove the <style>; write the content in Markdown",
      "raw-html/unsafe.md:16:1 error: the form sends what people type to another website (https://collector.example.com/submit) — remove the form, or link to the other website's own page",
      "raw-html/unsafe.md:18:1 error: the <button> has an event handler (onclick=…), which runs code — remove the onclick attribute",
      'raw-html/unsafe.md:20:1 error: the link "javascript:alert(1)" runs code or embeds data — link to a page or a web address (https://…) instead',
      "raw-html/unsafe.md:22:1 error: the <a>'s href is a data: address, which can run code — use the address of a page or a file instead",
      'raw-html/unsafe.md:22:1 error: the link "data:text/html,hello" runs code or embeds data — link to a page or a web address (https://…) instead',
    ]);
    expect(code).toBe(1);
  });

  it("text garbled by a wrong encoding, with the character it should be, and invisible characters", async () => {
    const { code, lines } = await checkFixture("encoding");
    expect(lines).toEqual([
      'encoding/garbled.md:6:11 error: "â€™" is garbled text (UTF-8 read with the wrong encoding) — replace it with "’"',
      "encoding/garbled.md:8:9 error: there is a zero-width space (U+200B) here, which nobody can see — delete it: put the cursor just after it and press Backspace, or retype the word",
      "encoding/garbled.md:8:22 error: there is a byte order mark (U+FEFF) here, which nobody can see — delete it: put the cursor just after it and press Backspace, or retype the word",
    ]);
    expect(code).toBe(1);
  });

  it("addresses with spaces or malformed, links a browser cannot open, and http:// (a warning)", async () => {
    const { code, lines } = await checkFixture("urls");
    expect(lines).toEqual([
      'urls/addresses.md:6:73 error: the link address "guides/getting started/" is malformed: it has a space in it — use an address without spaces: rename the page or file with hyphens, such as getting-started',
      'urls/addresses.md:8:10 error: the link address "https//example.com" is malformed: it looks like a web address missing part of its https:// — write the full address, such as https://example.gov/page or /about/',
      'urls/addresses.md:8:43 error: the link "ftp://files.example.com/feed" uses "ftp:", which a browser cannot open — link to a page, or to an https://, mailto: or tel: address',
      'urls/addresses.md:10:5 error: "[the policy](technology letter.pdf)" is not a link: its address has a space in it, so it shows as plain text — use an address without spaces: rename the page or file with hyphens, such as technology-letter.pdf',
      "urls/addresses.md:6:18 warning: the link to http://www.chhs.ca.gov/Pages/Home.aspx is not secure (http://) — use https://www.chhs.ca.gov/Pages/Home.aspx if the site supports it",
    ]);
    expect(code).toBe(1);
  });

  it("old addresses that are a page's address now, or that two pages claim", async () => {
    const { code, lines } = await checkFixture("redirects");
    expect(lines.filter((l) => !l.includes(" note: "))).toEqual([
      "redirects/moved.md:5 error: /contact/ cannot redirect here: it is the address of redirects/contact.md — remove it from redirect_from, or move that page first",
      "redirects/moved.md:6 error: /old/ already redirects to redirects/also-moved.md — an old address can send readers to one page only: remove it from one of them",
    ]);
    expect(code).toBe(1);
  });

  it("each page's reading grade, as a note, and a warning above grade 9 (past grade 20, without a number that means nothing)", async () => {
    const { code, lines } = await checkFixture("reading");
    expect(lines.filter((l) => /^reading\/(dense|middling|plain)\.md/.test(l))).toEqual([
      "reading/dense.md:6 warning: the page reads past grade 20, far above grade 9 — end each sentence with a full stop, and use shorter sentences and everyday words; see the README's plain language section",
      "reading/middling.md:6 warning: the page reads at grade 14.6, above grade 9 — use shorter sentences and everyday words; see the README's plain language section",
      "reading/plain.md:6 note: the page reads at grade 1.1",
    ]);
    expect(code).toBe(0);
  });

  it("a page that would take an address the site uses for a page it makes itself", async () => {
    const { code, lines } = await checkFixture("reserved");
    expect(lines.filter((l) => l.includes(" error: "))).toEqual([
      "reserved/search.md:1 error: this page would be published at /search/, which the site already uses for a page it makes itself — rename the file, or give the page another permalink",
      "reserved/site-map.md:1 error: this page would be published at /site-map/, which the site already uses for a page it makes itself — rename the file, or give the page another permalink",
    ]);
    expect(code).toBe(1);
  });

  it("a menu item that goes to a page that does not exist", async () => {
    const { code, lines, content, parent } = await checkFixture("base");
    expect(code).toBe(0);
    writeFileSync(path.join(content, "_data", "navigation.yaml"), "primary:\n  - text: Home\n    url: /\nfooter:\n  - text: Contact us\n    url: /contcat/\n");
    const again = await checkInProcess(["--content", "base"], {}, parent);
    expect(lines).toEqual([]);
    expect(problemLines(again.stderr)).toEqual(['base/_data/navigation.yaml:6:10 error: the menu item "Contact us" goes to /contcat/, which is not a page of the site — did you mean "/contact/"?']);
  });

  it("a page copied as-is from an old site gets one clear message per problem, not a stack trace", async () => {
    const { code, lines, stderr } = await checkFixture("old-site");
    expect(lines).toEqual([
      'old-site/community.md:2:9 error: "layout" is the text "post", which is not one of page, home — use one of: page, home',
      'old-site/community.md:4:1 error: unknown field "author" — remove it, or use one of: title, description, order, layout, permalink, draft, unlisted, owner, last_reviewed, review_every, redirect_from, translated_from, translation_reviewer',
      'old-site/community.md:5:1 error: unknown field "categories" — remove it, or use one of: title, description, order, layout, permalink, draft, unlisted, owner, last_reviewed, review_every, redirect_from, translated_from, translation_reviewer',
      'old-site/community.md:9 error: a second top-level heading (#): the page\'s title is already its heading — use "##" for a section, or change the title in the front matter',
      "old-site/community.md:13:1 error: a <script> element runs code, which pages may not do — remove the <script>; write the content in Markdown",
      'old-site/community.md:16:1 error: the link to "/members/" goes to a page that does not exist — check the address, or create the page',
      'old-site/community.md:16:21 error: the image "/wp-content/uploads/members.png" does not exist — add the file to content/wp-content/uploads/members.png, or correct the address',
      'old-site/community.md:17:1 error: the link to "/agencies/" goes to a page that does not exist — check the address, or create the page',
      'old-site/community.md:17:22 error: the image "/wp-content/uploads/agencies.png" has no alt text — add alt="what the image shows" (or alt="" if it is only decoration)',
      'old-site/community.md:17:22 error: the image "/wp-content/uploads/agencies.png" does not exist — add the file to content/wp-content/uploads/agencies.png, or correct the address',
      'old-site/community.md:20:40 error: "â€™" is garbled text (UTF-8 read with the wrong encoding) — replace it with "’"',
      'old-site/community.md:22:32 error: the link "#heading=h.urh5wmrr4rhi" goes to a section "#heading=h.urh5wmrr4rhi" that is not on this page — there are no sections to link to there: link to the page without the #part',
    ]);
    expect(stderr).toContain("12 errors, 0 warnings, 0 notes");
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
  });

  it("prints GitHub annotations on GitHub Actions, so problems show on the pull request's diff", async () => {
    const { stderr } = await checkFixture("headings", [], { GITHUB_ACTIONS: "true" });
    expect(stderr).toContain("::error file=headings/outline.md,line=10::the heading skips from level 2 to level 4 — use ### here, so readers of the page's outline miss nothing");
  });

  it("with --external, requests each external link once and reports dead ones as warnings, and never a computer of the maintainer's own network", async () => {
    const requests: string[] = [];
    const server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      if (request.url === "/moved") return response.writeHead(301, { location: local("/admin") }).end();
      response.writeHead(request.url === "/gone" ? 404 : 200).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const local = (file: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${file}`;
    // The agency's website is this test's server, at a public address as far as the check can tell; the intranet's
    // name leads inside the network. A link to 127.0.0.1 itself is refused, and never asked for.
    const origin = "https://agency.example";
    const realFetch = globalThis.fetch;
    vi.stubGlobal("fetch", (url: string, init?: RequestInit) => realFetch(url.replace(`${origin}/`, local("/")), init));
    const addresses: Record<string, string> = { "agency.example": "192.0.2.10", "intranet.agency.example": "10.0.0.7" };
    const lookup = vi.spyOn(dns, "lookup").mockImplementation((async (host: string) => (addresses[host] ? [{ address: addresses[host], family: 4 }] : [])) as unknown as typeof dns.lookup);
    try {
      const parent = tempDir();
      const content = path.join(parent, "external");
      cpSync(path.join(fixtures, "checks", "base"), content, { recursive: true });
      const line = `[A live site](${origin}/ok) and [a dead one](${origin}/gone), [again](${origin}/gone), [moved](${origin}/moved) and [the intranet](https://intranet.agency.example/).`;
      writeFileSync(path.join(content, "links.md"), `---\ntitle: Elsewhere\ndescription: Links to other sites.\n---\n\n${line}\n`);
      const offline = await checkInProcess(["--content", "external"], {}, parent);
      expect(requests).toEqual([]);
      expect(offline.code).toBe(0);
      const online = await checkInProcess(["--content", "external", "--external"], {}, parent);
      const column = (address: string) => line.indexOf(address) + 1;
      expect(problemLines(online.stderr)).toEqual([
        `external/links.md:6:${column(`${origin}/gone`)} warning: the link to ${origin}/gone seems broken: it answered 404 — open it in a browser; update the address or remove the link`,
        `external/links.md:6:${column(`${origin}/moved`)} warning: the link to ${origin}/moved was not asked: it sends readers on to ${local("/admin")}, on a computer of this network (127.0.0.1), which readers elsewhere cannot reach — check that it is the address the public uses, or remove the link`,
        `external/links.md:6:${column("https://intranet")} warning: the link to https://intranet.agency.example/ was not asked: it leads to a computer on this network (10.0.0.7), which readers elsewhere cannot reach — check that it is the address the public uses, or remove the link`,
      ]);
      expect(requests.sort()).toEqual(["HEAD /gone", "HEAD /moved", "HEAD /ok"]);
      expect(online.code).toBe(0);

      writeFileSync(path.join(content, "links.md"), `---\ntitle: Elsewhere\ndescription: Links to other sites.\n---\n\n[The preview](${local("/gone")})\n`);
      const refused = await checkInProcess(["--content", "external", "--external"], {}, parent);
      expect(problemLines(refused.stderr)).toEqual([expect.stringContaining(`error: the link to ${local("/gone")} goes to your own computer (127.0.0.1), which readers cannot reach`)]);
      expect(requests).toHaveLength(3);
    } finally {
      vi.unstubAllGlobals();
      lookup.mockRestore();
      server.close();
    }
  });
});
