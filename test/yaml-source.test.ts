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
    expect(parseYaml("day: 2025-06-30\nx: !!js/function 'function(){}'").value).toMatchObject({ day: "2025-06-30" });
  });

  it("names a duplicated field at its line", () => {
    expect(() => parseYaml("title: a\ntitle: b\n")).toThrow(YamlSyntaxError);
    try {
      parseYaml("title: a\ntitle: b\n");
    } catch (error) {
      expect((error as YamlSyntaxError).line).toBe(2);
      expect((error as YamlSyntaxError).message).toMatch(/^the same field is written twice/);
    }
  });
});

describe("YAML made to stall or flood the reader", () => {
  it("nesting too deep to read is a message, not a stack overflow", () => {
    expect(() => parseYaml(`a: ${"[".repeat(20_000)}${"]".repeat(20_000)}`)).toThrow("its lists and groups are nested too deep to read");
  });
});
