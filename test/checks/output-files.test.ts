import { describe, expect, it } from "vitest";
import { checkedProblems } from "../helpers.ts";

const page = (title: string, extra = "") => `---\ntitle: ${title}\ndescription: A page.\n${extra}---\n\nText.\n`;

describe("addresses that would clash in the output folder", () => {
  it("two addresses written to one file", async () => {
    expect(await checkedProblems({ "again.md": page("Again", "permalink: /contact/index.html\n"), "old.md": page("Old", "redirect_from: [/index.html]\n") })).toEqual([
      "again.md:4 error: /contact/index.html would be written to the same file as /contact/ — use /contact/ only, or choose another address",
      "old.md:4 error: /index.html would be written to the same file as / — use / only, or choose another address",
    ]);
  });

  it("an address that needs a folder where the site has a file", async () => {
    expect(await checkedProblems({ "sitemap.xml.md": page("Sitemap notes"), "moved.md": page("Moved", "redirect_from: [/images/map.png/]\n") })).toEqual([
      "sitemap.xml.md:1 error: /sitemap.xml/ needs a folder where the site has the file /sitemap.xml — choose another address",
      "moved.md:4 error: /images/map.png/ needs a folder where the site has the file /images/map.png — choose another address",
    ]);
  });

  it("an address inside a folder the site fills itself", async () => {
    expect(await checkedProblems({ "find.md": page("Find", "redirect_from: [/pagefind/pagefind.js/]\n") })).toEqual([
      "find.md:4 error: /pagefind/pagefind.js/ is inside /pagefind/, which the site fills with files of its own — choose another address",
    ]);
  });
});

describe("the inventory list", () => {
  it("names an acronym listed twice, in any case, whose pages would be written twice", async () => {
    expect(await checkedProblems({ "_data/inventories.yaml": "- file: a.json\n  name: Agency A\n  acronym: CDT\n- file: b.json\n  name: Agency B\n  acronym: cdt\n" })).toContain(
      '_data/inventories.yaml:6:12 error: the acronym "cdt" is listed twice (first on line 3) — list each agency\'s inventory once',
    );
  });
});
