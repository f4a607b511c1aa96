import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { wordsOf } from "../../src/problems/file-error.ts";
import { printable } from "../../src/problems/problems.ts";
import { saveFailure } from "../../src/preview/save-failure.ts";
import { endOnFileError, type Printer } from "../../scripts/exit.ts";
import { internals, tempDir } from "../helpers.ts";

/** The error the system gives for reading `file`, as a command reading the content folder would meet it. */
function errorReading(file: string): unknown {
  try {
    readFileSync(file);
  } catch (error) {
    return error;
  }
  throw new Error(`${file} could be read`);
}

describe("an error of the file system, said to an editor", () => {
  const content = path.join(tempDir(), "content");
  mkdirSync(path.join(content, "images"), { recursive: true });
  // An editor chooses a file's name: this one would forge a line of output, and colour the terminal.
  const hostile = path.join(content, "notes\nerror: forged\u001b[31m.md");

  it("names the file as printable text, from the content folder, in plain words", () => {
    expect(wordsOf(errorReading(hostile), content)).toBe("there is no file at notes\\nerror: forged\\u001b[31m.md");
    // The system names no file for a folder read as one.
    expect(wordsOf(errorReading(path.join(content, "images")), content)).toBe("a file of the site is a folder, not a file");
    expect(wordsOf(errorReading(path.join(path.dirname(content), "gone.md")), content)).toBe(`there is no file at ${path.join(path.dirname(content), "gone.md")}`);
    // An error of the program's own is said by its message, printable.
    expect(wordsOf(new TypeError("cannot read\n\u001b[2J"))).toBe("cannot read\\n\\u001b[2J");
  });

  it("npm start reads the content folder again when a file was removed while it was read, and says so in a note", () => {
    expect(saveFailure(errorReading(hostile), "read", content)).toEqual({ note: "notes\\nerror: forged\\u001b[31m.md was removed while the site was being read; reading it again…" });
    // A folder read as a file, or the content folder itself gone: an error, and what to do.
    expect(saveFailure(errorReading(path.join(content, "images")), "read", content)).toEqual({
      error: "error: the save could not be read: a file of the site is a folder, not a file — save the file again; if this comes back, report it to the site's maintainers",
    });
    const gone = path.join(tempDir(), "gone");
    expect(saveFailure(errorReading(gone), "built", gone)).toEqual({ error: `error: the content folder ${gone} is gone — put it back, then stop npm start and run it again` });
    writeFileSync(gone, "a file where the folder was");
    expect(saveFailure(errorReading(path.join(gone, "index.md")), "read", gone)).toEqual({ error: `error: the content folder ${gone} is gone — put it back, then stop npm start and run it again` });
  });

  it("a build or check that meets one ends with one plain line, and no stack trace; any other error is the program's own, thrown on", () => {
    const said: string[] = [];
    const print: Printer = { out: (line) => said.push(line), err: (line) => said.push(line) };
    expect(endOnFileError(print)(errorReading(hostile))).toBe(1);
    expect(said).toEqual([`error: there is no file at ${printable(hostile)} — a file may have been moved or removed while the site was being read: run the command again`]);
    expect(endOnFileError(print)(errorReading(path.join(content, "images")))).toBe(1);
    expect(said[1]).toBe("error: a file of the site is a folder, not a file — check that it is a file this account can read, then run the command again");
    for (const line of said) for (const pattern of internals) expect(line).not.toMatch(pattern);
    const bug = new TypeError("x is not a function");
    expect(() => endOnFileError(print)(bug)).toThrow(bug);
  });
});
