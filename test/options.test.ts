import { describe, expect, it } from "vitest";
import { isSafePrefix, normalizePrefix } from "../src/options.ts";

describe("site options", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["repo", "/repo/"],
    ["/repo", "/repo/"],
    ["repo/", "/repo/"],
    ["/a/b/", "/a/b/"],
  ])("path prefix %j means %j", (given, meant) => expect(normalizePrefix(given)).toBe(meant));

  it.each(["/repo/", "repo", "/a/b.c/", "/", ""])("path prefix %j can be carried by an address", (prefix) => expect(isSafePrefix(prefix)).toBe(true));
  it.each(["/../", "..", "/a/../b/", "/.git/", '/a"b/', "/a b/", "/<x>/"])("path prefix %j is refused", (prefix) => expect(isSafePrefix(prefix)).toBe(false));
});
