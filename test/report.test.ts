import { describe, expect, it } from "vitest";
import { problem } from "../src/problems.ts";
import { report } from "../src/report.ts";

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

  it("passes when there are only warnings and notes", () => {
    expect(report(problems.filter((p) => p.severity !== "error"), () => {}, {})).toBe(0);
    expect(report([], () => {}, {})).toBe(0);
  });
});
