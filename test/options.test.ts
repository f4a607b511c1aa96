import path from "node:path";
import { describe, expect, it } from "vitest";
import { generatorRoot, normalizePrefix, optionsFromEnvironment } from "../src/options.ts";

describe("site options", () => {
  it.each([
    ["/", "/"],
    ["", "/"],
    ["repo", "/repo/"],
    ["/repo", "/repo/"],
    ["repo/", "/repo/"],
    ["/a/b/", "/a/b/"],
  ])("path prefix %j means %j", (given, meant) => expect(normalizePrefix(given)).toBe(meant));

  it("builds Code California's content unless told another folder", () => {
    expect(optionsFromEnvironment({})).toEqual({ contentDir: path.join(generatorRoot, "content"), pathPrefix: undefined });
    expect(optionsFromEnvironment({ SITE_CONTENT: "/sites/ours", PATH_PREFIX: "/ours/" })).toEqual({ contentDir: "/sites/ours", pathPrefix: "/ours/" });
  });
});
