import { utf16Of } from "../files.ts";
import { placeIn } from "../text-places.ts";

/** Where in an inventory's text something is wrong, in words a code coordinator can act on. */
export interface TextFault {
  /** The character the fault is at (or just after, for something missing). */
  offset: number;
  message: string;
  fix: string;
}

/**
 * An inventory's text from its bytes: UTF-8, or UTF-16 (GSA publishes its own code.json so), without a byte order
 * mark. `unreadableAt` is where the first character that is not UTF-8 is: published, it would show as "�".
 */
export function decodeInventory(bytes: Uint8Array): { text: string; unreadableAt?: number } {
  const utf16 = utf16Of(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes) };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder("utf-8").decode(bytes);
    return { text, unreadableAt: text.indexOf("\uFFFD") };
  }
}

/** Deeper than any inventory goes (the schema's deepest field is six levels down), and shallow enough for every reader after this one. */
export const maxNesting = 100;

const closer = { "{": "}", "[": "]" } as const;
const containerWord = { "{": "group of fields", "[": "list" } as const;
const escapes = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const jsonWord = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
const wordEnd = /[^\s,:[\]{}"]*/y;
const space = /[ \t\n\r]*/y;
const plainText = /[^"\\\x00-\x1f]*/y;

function describeWord(word: string): { message: string; fix: string } {
  const shown = word.length > 30 ? `${word.slice(0, 30)}…` : word;
  if (word.startsWith("'")) return { message: "text is in single quotes", fix: 'use double quotes: "like this"' };
  if (/^(true|false|null)$/i.test(word)) return { message: `${shown} is not written in lowercase`, fix: `write ${word.toLowerCase()}` };
  if (/^[-+.\d]/.test(word)) return { message: `${shown} is not a number as JSON writes one`, fix: "write the number like 12 or 3.5, without a + sign, leading zeros or units, or put it in double quotes as text" };
  return { message: `${shown} is not in double quotes`, fix: `put text in double quotes: "${shown}"` };
}

/** Where the text in double quotes that starts at `start` ends, or what is wrong with it. */
function stringEnd(json: string, start: number): number | TextFault {
  for (let i = start + 1; i < json.length; i++) {
    plainText.lastIndex = i;
    plainText.test(json);
    i = plainText.lastIndex;
    const code = json.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      const next = json[i + 1] ?? "";
      if (next === "u" && /^[\da-fA-F]{4}$/.test(json.slice(i + 2, i + 6))) i += 5;
      else if (escapes.has(next)) i += 1;
      else return { offset: i, message: "a backslash in this text starts no character JSON knows", fix: "write a backslash itself as two: \\\\" };
    } else if (code === 0x0a || code === 0x0d) {
      return { offset: start, message: "the text that starts here runs past the end of its line: its closing quote is missing", fix: 'add the closing ", or write a line break within text as \\n' };
    } else if (code < 0x20) {
      return { offset: i, message: "there is a tab or another invisible character inside this text", fix: "remove it, or write a tab as \\t" };
    }
  }
  return { offset: start, message: "the text that starts here has no closing quote", fix: 'add the closing "' };
}

/** A closing bracket of the other kind than the one the innermost list or group of fields needs. */
function mismatched(json: string, offset: number, open: { bracket: "{" | "["; offset: number }): TextFault {
  const wanted = closer[open.bracket];
  return { offset, message: `this ${json[offset]} does not close the ${containerWord[open.bracket]} opened on line ${placeIn(json, open.offset).line}`, fix: `close that one with ${wanted} first, or remove this ${json[offset]}` };
}

/**
 * The first place a text is not JSON, or undefined when it is. The JavaScript engine's own messages name no
 * place for some mistakes (a comma before "]") and differ between Node versions; this reads the text once,
 * without recursion, so it also stops nesting deeper than any reader after it can follow.
 */
export function jsonFault(json: string): TextFault | undefined {
  const open: { bracket: "{" | "["; offset: number; names: Set<string> }[] = [];
  let expect: "value" | "name" | "colon" | "next" = "value";
  let justOpened = false;
  let comma: number | undefined;
  let end = 0; // where the last value or field name ended: a missing comma or colon belongs there
  let i = 0;
  for (;;) {
    space.lastIndex = i;
    space.test(json);
    i = space.lastIndex;
    const char = json[i];
    const top = open.at(-1);
    if (char === undefined) {
      if (top) return { offset: top.offset, message: `this ${containerWord[top.bracket]} is never closed: the file ends first`, fix: `add its closing ${closer[top.bracket]}` };
      if (expect === "next") return undefined;
      return { offset: i, message: "the file has no inventory in it", fix: "write the inventory, starting with {" };
    }
    // Editors allow notes in JSON files; JSON itself has none, and a reader stops at the first.
    if (char === "/" && (json[i + 1] === "/" || json[i + 1] === "*")) return { offset: i, message: "there is a comment here, and JSON has no comments", fix: "remove the comment (a note about a release can go in its description)" };
    // A web server's error page, saved under the inventory's name.
    if (char === "<" && !top) return { offset: i, message: "it is a web page (HTML), perhaps an error page saved in the inventory's place", fix: "download the inventory again from its address, and check that it starts with {" };
    // Another kind of file given in the inventory's place (YAML, Markdown, notes): its first word is not one of JSON's.
    if (!top && expect === "value" && !/^(?:-?\d|["{[]|true|false|null)/.test(json.slice(i, i + 5))) {
      return { offset: i, message: `it starts with "${json.slice(i, i + 20).split("\n")[0]}", where a code.json starts with {: it is another kind of file`, fix: "give the agency's code.json itself, a JSON file that starts with {" };
    }
    // Copied from a word processor, text brings spaces JSON does not allow: a no-break space looks like any other.
    if (/\s/.test(char)) return { offset: i, message: "there is a special space here (such as a no-break space) that JSON does not allow", fix: "replace it with an ordinary space" };
    if (expect === "next") {
      if (!top) return { offset: i, message: "there is more after the end of the inventory", fix: "remove what follows its last closing bracket" };
      if (char === ",") {
        [expect, comma] = [top.bracket === "{" ? "name" : "value", i];
      } else if (char === closer[top.bracket]) {
        open.pop();
        end = i + 1;
      } else if (char === "}" || char === "]") {
        return mismatched(json, i, top);
      } else {
        return { offset: end, message: `a comma is missing here, between two ${top.bracket === "{" ? "fields" : "items"}`, fix: "add a comma" };
      }
      i++;
      continue;
    }
    if (expect === "colon") {
      if (char !== ":") return { offset: end, message: "a colon is missing after this field name", fix: "add a colon between the field name and its value" };
      expect = "value";
      i++;
      continue;
    }
    if (justOpened) {
      justOpened = false;
      if (char === closer[top!.bracket]) {
        open.pop();
        [expect, end, i] = ["next", i + 1, i + 1];
        continue;
      }
    }
    if ((char === "}" || char === "]") && comma !== undefined) return { offset: comma, message: `there is a comma after the last ${top?.bracket === "{" ? "field" : "item"}`, fix: "remove the comma" };
    if (expect === "name") {
      if (char !== '"') return { offset: i, message: "a field name is not in double quotes", fix: 'put the field name in double quotes: "name"' };
      const after = stringEnd(json, i);
      if (typeof after !== "number") return after;
      const name = json.slice(i, after);
      if (top!.names.has(name)) return { offset: i, message: `the field ${name} is written twice in the same group of fields`, fix: "keep one of them" };
      top!.names.add(name);
      [expect, comma, end, i] = ["colon", undefined, after, after];
      continue;
    }
    // A value is expected.
    if (char === "{" || char === "[") {
      if (open.length === maxNesting) return { offset: i, message: `the lists and groups of fields here are nested more than ${maxNesting} deep`, fix: "an inventory needs six levels at most: check the brackets" };
      open.push({ bracket: char, offset: i, names: new Set() });
      [expect, comma, justOpened] = [char === "{" ? "name" : "value", undefined, true];
      i++;
      continue;
    }
    if (char === '"') {
      const after = stringEnd(json, i);
      if (typeof after !== "number") return after;
      [expect, comma, end, i] = ["next", undefined, after, after];
      continue;
    }
    if ((char === "}" || char === "]") && top && char !== closer[top.bracket]) return mismatched(json, i, top);
    wordEnd.lastIndex = i;
    wordEnd.test(json);
    const word = json.slice(i, wordEnd.lastIndex);
    if (!word) return { offset: i, message: top?.bracket === "{" ? "the value of this field is missing" : "a value is missing here", fix: "write the value, or remove what is not needed" };
    jsonWord.lastIndex = i;
    if (!jsonWord.test(json) || jsonWord.lastIndex !== wordEnd.lastIndex) return { offset: i, ...describeWord(word) };
    [expect, comma, end, i] = ["next", undefined, wordEnd.lastIndex, wordEnd.lastIndex];
  }
}
