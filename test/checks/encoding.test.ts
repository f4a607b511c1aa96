import { describe, expect, it } from "vitest";
import { checkText, repairGarbled } from "../../src/checks/encoding.ts";

describe("repairGarbled: UTF-8 read as Windows-1252, turned back", () => {
  it.each([
    ["â€™", "’"],
    ["â€œ", "“"],
    ["â€\u009d", "”"],
    ["â€”", "—"],
    ["Ã©", "é"],
    ["Ã±", "ñ"],
  ])("%s was %s", (garbled, meant) => expect(repairGarbled(garbled)).toBe(meant));

  it("leaves real accented text alone", () => {
    expect(checkText("x.md", ["Año, niño, résumé, São Paulo, “quotes” — and naïve café"])).toEqual([]);
  });

  it("allows a byte order mark at the very start of a file only", () => {
    expect(checkText("x.md", ["\uFEFF---"])).toEqual([]);
    expect(checkText("x.md", ["a", "\uFEFFb"]).map((p) => p.line)).toEqual([2]);
  });

  it("catches hidden text-direction controls", () => {
    expect(checkText("x.md", ["safe\u202Etxt.exe"])[0]?.message).toBe("there is a hidden text-direction control (U+202E) here, which nobody can see");
  });
});
