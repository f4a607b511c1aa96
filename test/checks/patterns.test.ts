import { describe, expect, it } from "vitest";
import { checkedProblems } from "../helpers.ts";

const page = (extra: string) => `---\ntitle: Hours\ndescription: Office hours.\n${extra}---\n\nText.\n`;

describe("a value that does not match its field's pattern", () => {
  it("gets a fix made from what the editor wrote, never 'a valid regex'", async () => {
    const problems = await checkedProblems({
      "hours.md": page("permalink: Office Hours\nlast_reviewed: 2026-01-01\nreview_every: twice a year\nredirect_from: [our-values]\n"),
      "_data/navigation.yaml": "primary:\n  - text: Home\n    url: /\n  - text: Hours\n    url: office-hours\nfooter:\n  - text: Contact us\n    url: /contact/\n",
      "_data/inventories.yaml": "- file: GSA.json\n  name: General Services Administration\n  acronym: GSA\n",
    });
    expect(problems.filter((line) => !line.startsWith("code-json/")).sort()).toEqual([
      '_data/inventories.yaml:1:9 error: "file" in the entry "General Services Administration" must be a file name in content/code-json/, such as cdt.json, but it is the text "GSA.json" — rename the file and write it here as gsa.json (small letters, digits and hyphens)',
      '_data/navigation.yaml:5:10 error: "url" in the second entry of "primary" must be a path on the site such as /about/, at most 200 characters between slashes, but it is the text "office-hours" — write it as /office-hours/',
      'hours.md:4:12 error: "permalink" must look like /some-page/ or /page.html, at most 200 characters between slashes, but it is the text "Office Hours" — write it as /office-hours/',
      'hours.md:6:15 error: "review_every" must be a number and a unit, such as 6 months, 1 year or 90 days, but it is the text "twice a year" — write a number, a space and days, weeks, months or years, such as 6 months',
      'hours.md:7:17 error: the first entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "our-values" — write it as /our-values/, the address as it was, starting and ending with /',
    ]);
    expect(problems.join("\n")).not.toMatch(/regex/);
  });

  it("refuses an address part or an acronym too long for a folder's name, with one that fits", async () => {
    const long = "a".repeat(250);
    const problems = await checkedProblems({
      "hours.md": page(`permalink: /${long}.html\nredirect_from: [/old/${long}/, /old/${long}.html]\n`),
      "_data/inventories.yaml": `- file: cdt.json\n  name: California Department of Technology\n  acronym: ${"CDT".repeat(10)}\n`,
    });
    expect(problems.filter((line) => !line.startsWith("code-json/")).sort()).toEqual([
      `_data/inventories.yaml:3:12 error: "acronym" in the entry "California Department of Technology" must be letters and digits, at most 20, such as CDT, but it is the text "${"CDT".repeat(10)}" — write it as ${"CDT".repeat(10).slice(0, 20)}`,
      `hours.md:4:12 error: "permalink" must look like /some-page/ or /page.html, at most 200 characters between slashes, but it is the text "/${long}.html" — write it as /${"a".repeat(195)}.html`,
      `hours.md:5:17 error: the first entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/old/${long}/" — write it as /old/${"a".repeat(200)}/, the address as it was, starting and ending with /`,
      `hours.md:5:${17 + `/old/${long}/, `.length} error: the second entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/old/${long}.html" — write it as /old/${"a".repeat(195)}.html, the address as it was`,
    ]);
  });

  it("takes an old address of 200 characters between slashes, as a blog's can be", async () => {
    const slug = "why-the-state-of-california-is-moving-its-benefits-applications-to-open-source-and-what-it-means-for-you".padEnd(200, "x");
    const problems = await checkedProblems({ "hours.md": page(`redirect_from: [/blog/2019/${slug}/, /blog/${slug.slice(0, 195)}.html]\n`) });
    expect(problems.filter((line) => line.startsWith("hours.md") && line.includes("error"))).toEqual([]);
  });

  it("takes an old address in the letters of any language, and one written with percent escapes as it reads", async () => {
    const problems = await checkedProblems({ "hours.md": page("redirect_from: [/es/año-nuevo/, /blog/新年快乐.html, /Straße/, /es/a%C3%B1o-viejo/, /es/Año Nuevo/]\n") });
    expect(problems.filter((line) => line.startsWith("hours.md"))).toEqual([
      'hours.md:4:60 error: the fourth entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/es/a%C3%B1o-viejo/" — write it as /es/año-viejo/, the address as it was, starting and ending with /',
      'hours.md:4:81 error: the fifth entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/es/Año Nuevo/" — write it as /es/Año-Nuevo/, the address as it was, starting and ending with /',
    ]);
  });

  it("refuses an old address whose letters beyond a-z would make a folder's name too long, though it has 200 letters or fewer", async () => {
    const long = "新年".repeat(50);
    const problems = await checkedProblems({ "hours.md": page(`redirect_from: [/blog/${long}/, /blog/${"新年".repeat(30)}/]\n`) });
    expect(problems.filter((line) => line.startsWith("hours.md"))).toEqual([
      `hours.md:4:17 error: the first entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/blog/${long}/" — write it as /blog/${long.slice(0, 66)}/, the address as it was, starting and ending with /`,
    ]);
  });

  it("refuses an old address too long in all once its letters beyond a-z are counted, naming the whole address's limit", async () => {
    const problems = await checkedProblems({ "hours.md": page(`redirect_from:\n  - /${Array.from({ length: 12 }, () => "ñ".repeat(100)).join("/")}/\n`) });
    expect(problems.filter((line) => line.startsWith("hours.md")).map((line) => line.replace(/"\/ñ[^"]*"/, '"…"'))).toEqual([
      'hours.md:5:5 error: the first entry of "redirect_from" is too long to be written as a file: at most 2000 characters in all, letters beyond a-z, such as ñ, counting as two to four, but it is the text "…", 1,213 characters long — shorten it, or leave it out',
    ]);
  });

  /** The fixes told for each old address of a page, in order. */
  const fixesFor = async (redirects: string) =>
    (await checkedProblems({ "hours.md": page(`redirect_from: [${redirects}]\n`) })).filter((line) => line.startsWith("hours.md")).map((line) => line.replace(/.* — /, ""));

  it("refuses an old address with a character no one can see, which could pass for another page's old address", async () => {
    expect(await fixesFor("/contact\u034F/, /\u3164/, /es/año\uFE0F/")).toEqual([
      "write it as /contact/, the address as it was, starting and ending with /",
      "write it as /old-page/, the address as it was, starting and ending with /",
      "write it as /es/año/, the address as it was, starting and ending with /",
    ]);
  });

  it("makes the fix of an address pasted whole, or with escapes, from its path as it reads", async () => {
    expect(await fixesFor("https://old.example.org/es/a%C3%B1o/?page=2#top, /a%2Ehtml, /%2E%2E/")).toEqual([
      "write it as /es/año/, the address as it was, starting and ending with /",
      "write it as /a.html, the address as it was",
      "write it as /old-page/, the address as it was, starting and ending with /",
    ]);
  });

  it("tells an old address of parts too long, and too long in all, one thing, whose fix passes every rule", async () => {
    const [fix, ...more] = await fixesFor(`/${Array.from({ length: 12 }, () => "ñ".repeat(120)).join("/")}/`);
    expect(more).toEqual([]);
    const fixed = /^write it as (\S+),/.exec(fix!)![1]!;
    expect(Buffer.byteLength(fixed)).toBeLessThanOrEqual(2000);
    expect(await fixesFor(fixed)).toEqual([]);
  });

  it("reads a long hostile old address in one pass", { timeout: 5000 }, async () => {
    expect(await fixesFor(`/x${"-".repeat(300_000)}x y/`)).toEqual(["shorten it to at most 2000 characters", "write it as /x/, the address as it was, starting and ending with /"]);
  });

  it("refuses an old address with a part starting with _, which hosts keep for their own files", async () => {
    const problems = await checkedProblems({ "hours.md": page("redirect_from: [/_worker.js/, /docs/_routes.json, /old_page/]\n") });
    expect(problems.filter((line) => line.startsWith("hours.md"))).toEqual([
      'hours.md:4:17 error: the first entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/_worker.js/" — write it as /worker.js/, the address as it was, starting and ending with /',
      'hours.md:4:31 error: the second entry of "redirect_from" must be an old address on this site, such as /old-page/, at most 200 characters between slashes (letters beyond a-z, such as ñ, count as two to four), none starting with _, but it is the text "/docs/_routes.json" — write it as /docs/routes.json/, the address as it was, starting and ending with /',
    ]);
  });
});
