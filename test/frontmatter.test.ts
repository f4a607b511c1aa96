import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePage } from "../src/model/frontmatter.ts";
import { formatProblem } from "../src/problems/problems.ts";
import { checkedProblems, fixtures } from "./helpers.ts";

const fixture = (name: string) => path.join(fixtures, "frontmatter", name);
const messages = (name: string) => parsePage(fixture(name)).problems.map(formatProblem);

describe("front matter", () => {
  it("reads a valid page, with defaults, and knows where its body starts", () => {
    const { page, problems } = parsePage(fixture("valid.md"));
    expect(problems).toEqual([]);
    expect(page?.data).toEqual({ title: "Values", description: "Our values.", layout: "page", draft: false, unlisted: false });
    expect(page?.body.trim()).toBe("First line.");
    expect(page?.bodyLineOffset).toBe(4);
  });

  it("names a misspelled field at its line and suggests the right one", () => {
    expect(messages("typo.md")).toEqual([
      'test/fixtures/frontmatter/typo.md:1 error: the field "title" is missing — add "title:" with text',
      'test/fixtures/frontmatter/typo.md:2:1 error: unknown field "titel" — did you mean "title"?',
    ]);
  });

  it("shows how to quote a value with a colon in it, the commonest YAML mistake", () => {
    expect(messages("colon.md")).toEqual([
      'test/fixtures/frontmatter/colon.md:2:8 error: the YAML cannot be read: the value of "title" has a colon and a space in it, which YAML reads as the start of another field — put the value in quotes: title: "Code: the basics"',
    ]);
  });

  it("says so when the front matter is never closed, instead of a YAML error at the page's text", () => {
    expect(messages("unclosed.md")).toEqual([
      'test/fixtures/frontmatter/unclosed.md:1 error: the front matter is never closed: there is no second "---" line — add a line with just "---" after the last field, before the page\'s text',
    ]);
  });

  it("says which required field is missing", () => {
    expect(messages("missing.md")).toEqual(['test/fixtures/frontmatter/missing.md:1 error: the field "description" is missing — add "description:" with text']);
  });

  it("says what type a field should have and what it got", () => {
    expect(messages("wrong-type.md")).toEqual([
      'test/fixtures/frontmatter/wrong-type.md:4:8 error: "order" should be a number, but it is the text "first" — write a number here',
    ]);
    // What YAML reads as numbers that are none: .nan, and one too large (.inf, 1e400).
    const order = (value: string) => parsePage("order.md", `---\ntitle: Values\ndescription: Our values.\norder: ${value}\n---\n`).problems.map(formatProblem);
    expect(order(".nan")).toEqual(['order.md:4:8 error: "order" should be a number, but it is not a number — write a number here']);
    for (const large of [".inf", "1e400"]) expect(order(large)).toEqual(['order.md:4:8 error: "order" should be a number, but it is a number too large to use — write a number here']);
    // Digits grouped as people write them are text to YAML: the number meant is given.
    expect(order("1_000")).toEqual(['order.md:4:8 error: "order" should be a number, but it is the text "1_000" — write it without separators, as 1000']);
    expect(order("1,000")).toEqual(['order.md:4:8 error: "order" should be a number, but it is the text "1,000" — write it without separators, as 1000']);
    for (const belowZero of ["-.inf", "-1e400"]) expect(order(belowZero)).toEqual(['order.md:4:8 error: "order" should be a number, but it is a number too far below zero to use — write a number here']);
    // A whole number past what a computer counts exactly is said as too large, not by the bound's sixteen digits.
    // Nor by a value read that is not the one written: 12345678901234567890 is read as 12345678901234567000.
    for (const large of ["1e23", "12345678901234567890"]) expect(order(large)).toEqual(['order.md:4:8 error: "order" is a number too large for the site to use — write a whole number of at most 15 digits, such as 10']);
    expect(order("-1e23")).toEqual(['order.md:4:8 error: "order" is a number too far below zero for the site to use — write a whole number of at most 15 digits, such as 10']);
  });

  it("suggests the closest allowed value", () => {
    expect(messages("bad-enum.md")).toEqual([
      'test/fixtures/frontmatter/bad-enum.md:4:9 error: "layout" is the text "hom", which is not one of page, home — did you mean "home"?',
    ]);
  });

  it("points a YAML syntax error at its line", () => {
    const [message, ...rest] = messages("yaml-syntax.md");
    expect(rest).toEqual([]);
    expect(message).toBe(
      'test/fixtures/frontmatter/yaml-syntax.md:3:1 error: the YAML cannot be read: a character is missing (often a closing quote or bracket) — check the quotes, colons and indentation on this line and the one above',
    );
  });

  it("refuses JavaScript front matter without running it", () => {
    const state = globalThis as { frontMatterRan?: boolean };
    delete state.frontMatterRan;
    expect(messages("executable.md")).toEqual([
      'test/fixtures/frontmatter/executable.md:1 error: front matter written as js code is not allowed — start the file with a plain "---" line and write the fields in YAML',
    ]);
    expect(messages("executable-javascript.md")[0]).toContain("front matter written as javascript code is not allowed");
    expect(state.frontMatterRan).toBeUndefined();
  });

  it("asks for front matter when a page has none", () => {
    expect(messages("none.md")).toEqual([
      'test/fixtures/frontmatter/none.md:1 error: the page has no front matter — start the file with "---", a "title:" and a "description:" line, and "---"',
    ]);
  });
});

describe("front matter saved with Windows line endings", () => {
  it("reads a page saved with Windows line endings as the same page", async () => {
    const crlf = "---\r\ntitle: Values\r\ndescription: Our values.\r\nreview_every: 6 months\r\nlast_reviewed: 2026-10-01\r\n---\r\n\r\nFirst line.\r\n";
    expect((await checkedProblems({ "crlf.md": crlf })).filter((line) => line.startsWith("crlf.md") && !line.includes(" note: "))).toEqual([]);
  });
});
