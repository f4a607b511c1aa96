import { describe, expect, it } from "vitest";
import { placeholderDescription } from "../../src/schema/page.ts";
import { checkedProblems } from "../helpers.ts";

describe("front matter a reader would trip on", () => {
  it("a title or description in curly quotes, which YAML keeps and readers would see", async () => {
    expect(await checkedProblems({ "values.md": "---\ntitle: “Our values”\ndescription: ‘What we hold to.’\n---\n\nText.\n" })).toEqual([
      "values.md:2 warning: the title is wrapped in curly quotes, which YAML keeps, so readers would see them — remove them: title: Our values",
      "values.md:3 warning: the description is wrapped in curly quotes, which YAML keeps, so readers would see them — remove them: description: What we hold to.",
    ]);
  });

  it("a colon in curly quotes: the advice puts straight quotes in their place", async () => {
    expect(await checkedProblems({ "basics.md": "---\ntitle: “Code: the basics”\ndescription: Basics.\n---\n\nText.\n" })).toEqual([
      'basics.md:2:8 error: the YAML cannot be read: the value of "title" has a colon and a space in it, which YAML reads as the start of another field — put the value in quotes: title: "Code: the basics"',
    ]);
  });

  it("a title too long, said in characters and without repeating it", async () => {
    expect(await checkedProblems({ "long.md": `---\ntitle: ${"Code California ".repeat(15).trim()}\ndescription: A long title.\n---\n\nText.\n` })).toEqual([
      'long.md:2:8 error: "title" is 239 characters long, more than the 200 it may have — shorten it to at most 200 characters',
    ]);
  });

  it("a description left as npm run new wrote it", async () => {
    expect(await checkedProblems({ "new.md": `---\ntitle: New\ndescription: ${placeholderDescription}\n---\n\nText.\n` })).toEqual([
      "new.md:3 warning: the description is still the one npm run new wrote — say in one or two sentences what this page is for",
    ]);
  });

  it("a last review on a day still to come", async () => {
    expect(await checkedProblems({ "later.md": "---\ntitle: Later\ndescription: Later.\nlast_reviewed: 2027-01-01\n---\n\nText.\n" })).toEqual([
      "later.md:4 warning: last_reviewed is 2027-01-01, a day still to come — give the day the page was really last checked, such as 2026-11-23",
    ]);
  });

  it("a last review in a year mistyped, which the page would show as a day two thousand years ago", async () => {
    expect(await checkedProblems({ "typo.md": "---\ntitle: Typo\ndescription: Typo.\nlast_reviewed: 0225-01-01\nreview_every: 1 year\n---\n\nText.\n" })).toEqual([
      "typo.md:4 error: last_reviewed is 0225-01-01, long before this site existed — give the day the page was really last checked, such as 2026-11-23",
    ]);
  });
});

describe("the agency list", () => {
  it("names an agency listed twice, at its second listing", async () => {
    expect(await checkedProblems({ "_data/agencies.yaml": "- name: Department of Technology\n  url: https://cdt.ca.gov\n- name: Health Agency\n- name: Department of technology\n" })).toEqual([
      '_data/agencies.yaml:4:9 error: "Department of technology" is listed twice (first on line 1) — keep one of them, with all its details',
    ]);
  });
});
