import { describe, expect, it } from "vitest";
import { describeField } from "../../src/problems/error-map.ts";

describe("a place in the data, named for a person who never wrote a path", () => {
  it("is the field's own name, then the entries and groups around it, counted in words", () => {
    expect(describeField(["title"])).toBe('"title"');
    expect(describeField(["primary", 6, "url"])).toBe('"url" in the seventh entry of "primary"');
    expect(describeField([3, "file"])).toBe('"file" in the fourth entry');
    expect(describeField(["redirect_from", 0])).toBe('the first entry of "redirect_from"');
    expect(describeField(["releases", 0, "date", "created"])).toBe('"created" in "date" in the first entry of "releases"');
    expect(describeField(["releases", 10, "tags"])).toBe('"tags" in the 11th entry of "releases"');
    expect(describeField(["releases", 111, "tags"])).toBe('"tags" in the 112th entry of "releases"');
    expect(describeField(["releases", 21, "tags"])).toBe('"tags" in the 22nd entry of "releases"');
    expect(describeField([])).toBe("the whole file");
  });

  it("calls an entry by its name or title when it has a short one, and any entry 'each entry' for a fault found in many", () => {
    const data = { primary: [{ text: "Home", url: "/" }, { title: "Office hours", url: "office-hours" }], releases: [{ name: 'say "hi"' }, { name: "x".repeat(61) }] };
    expect(describeField(["primary", 1, "url"], data)).toBe('"url" in the entry "Office hours" of "primary"');
    expect(describeField(["primary", 0, "url"], data)).toBe('"url" in the first entry of "primary"');
    expect(describeField(["releases", 0, "tags"], data)).toBe('"tags" in the first entry of "releases"');
    expect(describeField(["releases", 1, "tags"], data)).toBe('"tags" in the second entry of "releases"');
    expect(describeField(["releases", 1, "tags"], data, { anyEntry: true })).toBe('"tags" in each entry of "releases"');
  });
});

describe("a field another site generator uses", () => {
  it("is answered with this site's field for the same thing", async () => {
    const { checkedProblems } = await import("../helpers.ts");
    const page = (field: string) => `---\ntitle: Notes\ndescription: Notes from the meeting.\n${field}\n---\n\nSome notes.\n`;
    expect(await checkedProblems({ "a.md": page("eleventyExcludeFromCollections: true"), "b.md": page("aliases: [/old/]"), "c.md": page("weight: 2") })).toEqual([
      'a.md:4:1 error: unknown field "eleventyExcludeFromCollections" — use "unlisted" instead: it is this site\'s field for that',
      'b.md:4:1 error: unknown field "aliases" — use "redirect_from" instead: it is this site\'s field for that',
      'c.md:4:1 error: unknown field "weight" — use "order" instead: it is this site\'s field for that',
    ]);
  });
});

describe("a value written where another was wanted", () => {
  it("is quoted as written, or where it is too long to read in a message, by its start and its length", async () => {
    const { checkedProblems } = await import("../helpers.ts");
    const page = (field: string) => `---\ntitle: Notes\ndescription: Notes from the meeting.\n${field}\n---\n\nSome notes.\n`;
    const problems = await checkedProblems({ "a.md": page(`review_every: ${"twice a year ".repeat(100).trim()}`), "b.md": page("review_every: twice a year") });
    expect(problems).toEqual([
      `a.md:4:15 error: "review_every" must be a number and a unit, such as 6 months, 1 year or 90 days, but it is the text "${"twice a year ".repeat(7)}twice a y…", 1,299 characters long — write a number, a space and days, weeks, months or years, such as 6 months`,
      'b.md:4:15 error: "review_every" must be a number and a unit, such as 6 months, 1 year or 90 days, but it is the text "twice a year" — write a number, a space and days, weeks, months or years, such as 6 months',
    ]);
  });
});
