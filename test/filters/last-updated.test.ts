import { utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lastUpdated } from "../../src/render/filters/last-updated.ts";
import { tempDir } from "../helpers.ts";

const file = () => {
  const name = path.join(tempDir(), "page.md");
  writeFileSync(name, "---\n---\n");
  utimesSync(name, new Date("2023-01-02T10:00:00Z"), new Date("2023-01-02T10:00:00Z"));
  return name;
};

describe("lastUpdated", () => {
  it("takes the file's last commit", () => {
    const page = file();
    const committed = new Date("2025-05-05T00:00:00Z");
    expect(lastUpdated(page, { inRepository: true, shallow: false, dates: new Map([[page, committed]]), history: new Map() })).toEqual(committed);
  });
  it("falls back to the file's modification time outside git", () => {
    expect(lastUpdated(file(), { inRepository: false, shallow: false, dates: new Map(), history: new Map() })).toEqual(new Date("2023-01-02T10:00:00Z"));
  });
  it("gives no date to a page made from data, which has no file", () => {
    expect(lastUpdated(path.join(tempDir(), "projects", "release.njk"), { inRepository: false, shallow: false, dates: new Map(), history: new Map() })).toBeUndefined();
  });
  it("gives no date in a shallow clone rather than a wrong one", () => {
    expect(lastUpdated(file(), { inRepository: true, shallow: true, dates: new Map(), history: new Map() })).toBeUndefined();
  });
});
