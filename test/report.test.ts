import { describe, expect, it } from "vitest";
import { groupProblems, problem } from "../src/problems/problems.ts";
import { report, type ChangedLines } from "../src/problems/report.ts";

const problems = [
  problem("content/values.md", 12, "a note for the editor", undefined, "note"),
  problem("content/values.md", 12, 'unknown field "titel"', 'did you mean "title"?', "error", 5),
  problem("content/about.md", 3, "two pages have the same title", "give each page its own title", "warning"),
];

describe("report", () => {
  it("prints errors first, as file:line:column severity: what — how to fix, then a count, and fails", () => {
    const lines: string[] = [];
    expect(report(problems, (l) => lines.push(l), {})).toBe(1);
    expect(lines).toEqual([
      'content/values.md:12:5 error: unknown field "titel" — did you mean "title"?',
      "content/about.md:3 warning: two pages have the same title — give each page its own title",
      "content/values.md:12 note: a note for the editor",
      "1 error, 1 warning, 1 note",
    ]);
  });

  it("adds GitHub annotations on GitHub Actions, so problems show on the pull request's diff", () => {
    const lines: string[] = [];
    report(problems, (l) => lines.push(l), { GITHUB_ACTIONS: "true" });
    expect(lines).toContain('::error file=content/values.md,line=12,col=5::unknown field "titel" — did you mean "title"?');
    expect(lines).toContain("::notice file=content/values.md,line=12::a note for the editor");
  });

  it("says a fault repeated through a file once, with how often and on which lines, and keeps the rest in line order", () => {
    const inventory = "content/code-json/agency.json";
    const tagless = (i: number) => problem(inventory, 10 + i * 30, `"tags" in the entry "app-${i}" of "releases": has no tags`, "add a few words people would search for", "warning", undefined, '"tags" in each entry of "releases": has no tags');
    const repeated = Array.from({ length: 14 }, (_, i) => tagless(i));
    const twice = [40, 70].map((line, i) => problem(inventory, line, `"laborHours" in the entry "app-${i}" of "releases": is 0`, "give the hours spent", "warning", undefined, '"laborHours" in each entry of "releases": is 0'));
    const lines: string[] = [];
    expect(report([...twice, ...repeated], (l) => lines.push(l), { GITHUB_ACTIONS: "true" })).toBe(0);
    expect(lines).toEqual([
      'content/code-json/agency.json:10 warning: "tags" in each entry of "releases": has no tags — add a few words people would search for (14 times, lines 10, 40, 70, 100, 130, 160, 190, 220, 250, 280 and 4 more)',
      'content/code-json/agency.json:40 warning: "laborHours" in the entry "app-0" of "releases": is 0 — give the hours spent',
      'content/code-json/agency.json:70 warning: "laborHours" in the entry "app-1" of "releases": is 0 — give the hours spent',
      '::warning file=content/code-json/agency.json,line=10::"tags" in each entry of "releases": has no tags — add a few words people would search for (14 times, lines 10, 40, 70, 100, 130, 160, 190, 220, 250, 280 and 4 more)',
      '::warning file=content/code-json/agency.json,line=40::"laborHours" in the entry "app-0" of "releases": is 0 — give the hours spent',
      '::warning file=content/code-json/agency.json,line=70::"laborHours" in the entry "app-1" of "releases": is 0 — give the hours spent',
      "0 errors, 16 warnings, 0 notes",
    ]);
  });

  it("names each line once for a fault repeated on one line, as in an inventory written on a single line", () => {
    const lines: string[] = [];
    const oneLine = Array.from({ length: 5 }, (_, i) => problem("content/code-json/min.json", 1, `"tags" in the entry "app-${i}" of "releases": has no tags`, "add a few words people would search for", "warning", undefined, '"tags" in each entry of "releases": has no tags'));
    report(oneLine, (l) => lines.push(l), {});
    expect(lines[0]).toBe('content/code-json/min.json:1 warning: "tags" in each entry of "releases": has no tags — add a few words people would search for (5 times, line 1)');
  });

  it("tells faults on one line apart by their columns, as line:column, here and on an agency's page", () => {
    const onOneLine = [357, 977, 1694].map((column, i) => problem("content/code-json/min.json", 1, `"tags" in the entry "app-${i}" of "releases": has no tags`, "add a few words people would search for", "warning", column, '"tags" in each entry of "releases": has no tags'));
    const lines: string[] = [];
    report(onOneLine, (l) => lines.push(l), {});
    expect(lines[0]).toBe('content/code-json/min.json:1:357 warning: "tags" in each entry of "releases": has no tags — add a few words people would search for (3 times, lines 1:357, 1:977, 1:1694)');
    expect(groupProblems(onOneLine).map((group) => group.places)).toEqual([["1:357", "1:977", "1:1694"]]);
    // On lines of their own, the lines are enough.
    const onTheirLines = [10, 40].map((line, i) => problem("content/code-json/agency.json", line, `"tags" in the entry "app-${i}" of "releases": has no tags`, "add tags", "warning", 7, '"tags" in each entry of "releases": has no tags'));
    expect(groupProblems(onTheirLines).map((group) => group.places)).toEqual([["10", "40"]]);
  });

  it("passes when there are only warnings and notes", () => {
    expect(report(problems.filter((p) => p.severity !== "error"), () => {}, {})).toBe(0);
    expect(report([], () => {}, {})).toBe(0);
  });
});

describe("report, given the files a change touches", () => {
  const inventory = Array.from({ length: 40 }, (_, i) => problem("content/code-json/cwds.json", 10 + i, `"tags" in the entry "app-${i}" of "releases": has no tags`, "add a few words", "warning", undefined, '"tags" in each entry of "releases": has no tags'));
  const mine = [problem("content/values.md", 4, "the link text is a bare address", "use words", "warning"), problem("content/values.md", 9, "reads at grade 8", undefined, "note")];
  const elsewhere = [problem("content/about.md", 2, "the heading skips a level", "use ###", "error"), problem("content/about.md", 1, "reads at grade 7", undefined, "note")];

  it("prints the touched files' problems and every error in full, and one line for each other file's warnings", () => {
    const lines: string[] = [];
    expect(report([...inventory, ...mine, ...elsewhere], (l) => lines.push(l), {}, new Map([["content/values.md", new Set([4, 9])]]))).toBe(1);
    expect(lines).toEqual([
      "content/about.md:2 error: the heading skips a level — use ###",
      "content/values.md:4 warning: the link text is a bare address — use words",
      "content/values.md:9 note: reads at grade 8",
      "content/code-json/cwds.json: 40 warnings in a file this change does not touch — npm run check -- --all lists them",
      "1 error, 41 warnings, 2 notes",
    ]);
  });

  it("annotates a pull request's diff with every error, and the warnings and notes on the lines it changes", () => {
    const annotations = (changed: ChangedLines) => {
      const lines: string[] = [];
      report([...inventory, ...mine, ...elsewhere], (l) => lines.push(l), { GITHUB_ACTIONS: "true" }, changed);
      return lines.filter((l) => l.startsWith("::")).map((l) => l.split("::")[1]);
    };
    expect(annotations(new Map([["content/values.md", new Set([9])]]))).toEqual(["error file=content/about.md,line=2", "notice file=content/values.md,line=9"]);
    expect(annotations(new Map([["content/values.md", "every line"]]))).toEqual(["error file=content/about.md,line=2", "warning file=content/values.md,line=4", "notice file=content/values.md,line=9"]);
  });
});

describe("what an editor wrote, in a report", () => {
  const forged = [
    problem("content/a\n::warning file=README.md,line=1::forged\n.md", 2, 'unknown field "x\n::notice title=Checks passed::forged"', "remove it", "error"),
    problem("content/b.md", 3, 'unknown field "\u001b[31mred\u001b[0m"', "remove it", "error"),
  ];
  const printed = (env: Record<string, string>) => {
    const lines: string[] = [];
    report(forged, (line) => lines.push(...line.split("\n")), env);
    return lines;
  };

  it("stays on its own line, its line breaks and escape characters shown as written, never run by CI or the terminal", () => {
    const lines = printed({ GITHUB_ACTIONS: "true" });
    expect(lines.filter((line) => line.startsWith("::")).map((line) => line.split("::")[1])).toEqual(["error file=content/a\\n%3A%3Awarning file=README.md%2Cline=1%3A%3Aforged\\n.md,line=2", "error file=content/b.md,line=3"]);
    expect(lines).toContain('content/a\\n::warning file=README.md,line=1::forged\\n.md:2 error: unknown field "x\\n::notice title=Checks passed::forged" — remove it');
    expect(lines).toContain('content/b.md:3 error: unknown field "\\u001b[31mred\\u001b[0m" — remove it');
    expect(lines.join("\n")).not.toMatch(/\u001b/);
  });

  it("shows a text-direction control, an invisible or a tag character as written in JavaScript, so the line reads in its order", () => {
    const lines: string[] = [];
    report([problem("content/a.md", 1, 'unknown field "own\u202Eer\u200B\u{E0041}"', "remove it", "error")], (line) => lines.push(line), {});
    expect(lines[0]).toBe('content/a.md:1 error: unknown field "own\\u202eer\\u200b\\u{e0041}" — remove it');
  });

  it("stays on its own line in the count of a file the change does not touch", () => {
    const lines: string[] = [];
    report([problem("content/_x\n::error title=Forged::forged", 1, "the file name starts with _", "rename it", "warning")], (line) => lines.push(...line.split("\n")), { GITHUB_ACTIONS: "true" }, new Map());
    expect(lines).toEqual(["content/_x\\n::error title=Forged::forged: 1 warning in a file this change does not touch — npm run check -- --all lists them", "0 errors, 1 warning, 0 notes"]);
  });
});
