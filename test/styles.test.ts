import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compileStyles } from "../src/render/styles.ts";
import { tempDir } from "./helpers.ts";

/** A stylesheet that takes its colour from a partial, and an empty cache folder beside it. */
function stylesheet() {
  const dir = tempDir();
  writeFileSync(path.join(dir, "_colours.scss"), "$ink: #123456;\n");
  writeFileSync(path.join(dir, "site.scss"), '@use "colours";\nbody { color: colours.$ink; }\n');
  return { source: path.join(dir, "site.scss"), partial: path.join(dir, "_colours.scss"), cache: path.join(dir, "cache") };
}

const storedFile = (cache: string) => path.join(cache, readdirSync(cache)[0]!);

describe("compileStyles", () => {
  it("compiles the stylesheet, minified, with what it uses", () => {
    const { source, cache } = stylesheet();
    expect(compileStyles(source, cache)).toBe("body{color:#123456}");
  });

  it("serves the stored stylesheet while none of the files it was made from has changed", () => {
    const { source, cache } = stylesheet();
    compileStyles(source, cache);
    const stored = storedFile(cache);
    writeFileSync(stored, readFileSync(stored, "utf8").replace("#123456", "#abcdef"));
    expect(compileStyles(source, cache)).toBe("body{color:#abcdef}");
  });

  it("compiles again when a file it uses changes", () => {
    const { source, partial, cache } = stylesheet();
    compileStyles(source, cache);
    writeFileSync(partial, "$ink: #654321;\n");
    expect(compileStyles(source, cache)).toBe("body{color:#654321}");
  });

  it("still compiles where the cache folder cannot be written", () => {
    const { source, partial } = stylesheet();
    expect(compileStyles(source, path.join(partial, "cache"))).toBe("body{color:#123456}");
  });

  it("compiles again when the stored stylesheet cannot be read", () => {
    const { source, cache } = stylesheet();
    compileStyles(source, cache);
    writeFileSync(storedFile(cache), "{ half a file");
    expect(compileStyles(source, cache)).toBe("body{color:#123456}");
  });
});
