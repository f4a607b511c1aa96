import { describe, expect, it } from "vitest";
import { parseYaml, YamlSyntaxError } from "../src/model/yaml-source.ts";

describe("parseYaml", () => {
  const source = parseYaml("title: Values\nagencies:\n  - name: CDT\n    url: https://cdt.ca.gov/\n  - name: GovOps\n");

  it("reads the data", () => expect(source.value).toEqual({ title: "Values", agencies: [{ name: "CDT", url: "https://cdt.ca.gov/" }, { name: "GovOps" }] }));

  it("knows the line and column of every key and value", () => {
    expect(source.position(["title"], "key")).toEqual({ line: 1, column: 1 });
    expect(source.position(["agencies", 0, "url"])).toEqual({ line: 4, column: 10 });
    expect(source.position(["agencies", 1, "name"], "key")).toEqual({ line: 5, column: 5 });
  });

  it("points a missing path at its nearest parent", () => expect(source.position(["agencies", 1, "url"]).line).toBe(5));

  it("runs no code and reads dates as text", () => {
    expect(parseYaml("day: 2025-06-30\n").value).toEqual({ day: "2025-06-30" });
    expect(() => parseYaml("day: 2025-06-30\nx: !!js/function 'function(){}'")).toThrow(expect.objectContaining({ line: 2, column: 4, message: "the value is marked with the tag !!js/function, which the site does not read" }));
  });

  it("names a duplicated field at its line, and the line of the first", () => {
    expect(() => parseYaml("title: a\ntitle: b\n")).toThrow(YamlSyntaxError);
    try {
      parseYaml("- name: A\n  url: https://a.gov/\n  name: B\n");
    } catch (error) {
      expect(error).toMatchObject({ line: 3, message: 'the field "name" is written twice (first on line 1)', fix: "keep one of the two lines and remove the other" });
    }
  });
});

describe("YAML mistakes in plain words, never the parser's own", () => {
  const mistake = (text: string) => {
    try {
      parseYaml(text);
    } catch (error) {
      const { line, column, message, fix } = error as YamlSyntaxError;
      return { line, column, message, fix };
    }
  };

  it.each([
    ["a tab", "contact:\n\twho: us\n", { line: 2, column: 1, message: "a tab is used to indent this line, and YAML allows only spaces", fix: "replace the tab at the start of the line with spaces" }],
    ["a list never closed", "title: x\ntags: [a, b\n", { line: 2, column: 1, message: "the [ that starts a list is never closed with ]", fix: "add the ] at the end of the value" }],
    ["a value starting with @", "owner: @team\n", { line: 1, column: 8, message: "the value starts with a character YAML keeps for itself (such as @, ` or %)", fix: "put the value in quotes" }],
    ["a tag that makes bytes of text", "copyright: !!binary aGVsbG8=\n", { line: 1, column: 12, message: "the value is marked with the tag !!binary, which the site does not read", fix: "remove the tag, and write the value as text (in quotes if need be), a number, a list or fields" }],
    ["a tag the site does not know, which would be dropped unsaid", "members: [a, !foo b]\n", { line: 1, column: 14, message: "the value is marked with the tag !foo, which the site does not read", fix: "remove the tag, and write the value as text (in quotes if need be), a number, a list or fields" }],
    ["a directive bringing back YAML 1.1's merge keys", "%YAML 1.1\n---\na: 1\n<<: 5\n", { line: 1, column: 1, message: "a line starting with % (a YAML directive) changes how the rest is read", fix: "remove the line, and the --- line after it" }],
    ["a tag after an anchor", "a: !!str &x 5\n", { line: 1, column: 4, message: "the value is marked with the tag !!str, which the site does not read", fix: "remove the tag, and write the value as text (in quotes if need be), a number, a list or fields" }],
    ["a * naming nothing", "title: *new*\n", { line: 1, column: 8, message: "*new* names no part marked &new* above it", fix: "write the value out, or put it in quotes if the * is part of the text" }],
    ["a line of text read as a field's name", `title: a\n${"Our values, ".repeat(100)}and more: all of them\n`, { line: 2, column: 1, message: "this line is read as a field whose name is more than 1,024 characters long, which YAML does not allow", fix: 'if the line is text, write it after its field\'s name and in quotes, such as description: "…"' }],
    ["a second ---", "title: a\n---\nb: 2\n", { line: 2, column: 1, message: 'a second "---" line starts another document, which is not read', fix: 'remove the extra "---" line' }],
  ])("%s", (_, text, expected) => expect(mistake(text)).toEqual(expected));
});

describe("YAML made to stall or flood the reader", () => {
  it("nesting too deep to read is a message, not a stack overflow", () => {
    expect(() => parseYaml(`a: ${"[".repeat(20_000)}${"]".repeat(20_000)}`)).toThrow("its lists and groups are nested too deep to read");
  });

  it("is found before the parser goes down it, however the brackets hide among quotes and comments, and at its line", () => {
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    for (const text of [`a: [x'y, ${deep}]`, `a: [it's, "quoted \\" ]", ${deep}]`, `# a comment's quote\nb: 1\na: ${deep}`, `b: {c: [d, ${deep}]}`]) {
      expect(() => parseYaml(text), text.slice(0, 30)).toThrow(expect.objectContaining({ message: "its lists and groups are nested too deep to read" }));
    }
    expect(() => parseYaml(`b: 1\nc: 2\na: ${deep}`)).toThrow(expect.objectContaining({ line: 3 }));
  });

  it("a value with many colons and a line break inside is named in moments, not minutes", () => {
    const started = performance.now();
    expect(() => parseYaml(`title: a: ${"b: ".repeat(120_000)}\rx\ndescription: d\n`)).toThrow(expect.objectContaining({ line: 1, message: "a line is missing its colon or is indented wrongly" }));
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a long text repeated by aliases, or a part holding itself, is a message at the first alias, not a flood", () => {
    const long = "word ".repeat(180_000);
    // A * in a text is no alias: the message points at the first alias itself.
    const repeated = `note: "5 *times* 3"\nmembers:\n  - &a "${long}"\n${"  - *a\n".repeat(99)}`;
    const flood = { line: 4, column: 5, message: "its aliases (*name) repeat parts of it without end, or to more than 1 MB of text" };
    expect(() => parseYaml(repeated)).toThrow(expect.objectContaining(flood));
    expect(() => parseYaml("a: &x [1, *x]\n")).toThrow(expect.objectContaining({ ...flood, line: 1, column: 11 }));
    expect(parseYaml("%YAML 1.2\n---\na: 1\n").value).toEqual({ a: 1 });
    // An alias that repeats a little is read as before.
    expect(parseYaml("a: &x [1, 2]\nb: [*x, *x]\n").value).toEqual({ a: [1, 2], b: [[1, 2], [1, 2]] });
  });

  it("lets brackets, quotes and apostrophes of ordinary values through", () => {
    expect(parseYaml(`title: Don't [panic]\ntags: ['a', "b [c]", {d: [e]}]\nnote: it's # a comment [\n`).value).toEqual({ title: "Don't [panic]", tags: ["a", "b [c]", { d: ["e"] }], note: "it's" });
  });
});
