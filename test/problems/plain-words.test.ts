import { cpSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { prepareSite } from "../../src/prepare.ts";
import { formatProblem } from "../../src/problems/problems.ts";
import { fixtures, internals, tempDir } from "../helpers.ts";

/** Every fixture of mistakes the tests keep: the checks' kinds of mistake on their base site, whole broken sites, hostile sites. */
function mistakeSites(): string[] {
  const checks = path.join(fixtures, "checks");
  const onBase = readdirSync(checks).filter((kind) => kind !== "base").map((kind) => {
    const content = path.join(tempDir(), kind);
    cpSync(path.join(checks, "base"), content, { recursive: true });
    cpSync(path.join(checks, kind), content, { recursive: true });
    return content;
  });
  return [...onBase, ...["bad-data", "typo"].map((site) => path.join(fixtures, "sites", site)), ...["site", "published"].map((site) => path.join(fixtures, "hostile", site))];
}

describe("every message of every fixture of mistakes", () => {
  it("is plain words at a file and line, with no stack trace and no program's inner names", () => {
    const messages = mistakeSites().flatMap((content) => prepareSite({ contentDir: content, today: "2026-11-23" }, { strict: false }).problems);
    expect(messages.length).toBeGreaterThan(80);
    for (const p of messages) {
      expect(p.line, formatProblem(p)).toBeGreaterThan(0);
      for (const pattern of internals) expect(`${p.message} ${p.fix ?? ""}`, formatProblem(p)).not.toMatch(pattern);
    }
    // Every error says how to fix it.
    expect(messages.filter((p) => p.severity === "error" && !p.fix).map(formatProblem)).toEqual([]);
  });
});
