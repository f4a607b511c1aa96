import { decodeHTML } from "entities";
import { codePoint, firstHidden, hiddenCharacters, hiddenName } from "../problems/hidden-characters.ts";
import { problem, type Problem } from "../problems/problems.ts";
import { bodyLineAt } from "./html.ts";
import type { PageSource } from "./page-source.ts";

// Windows-1252's characters for the bytes 0x80–0x9F; every other byte below 0x100 is its Latin-1 character.
const windows1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
const continuation = `[${windows1252}\u00A0-\u00BF]`;
/** A UTF-8 lead byte read as Windows-1252 (Â…ô), followed by the continuation bytes it needs. */
const garbledPattern = new RegExp(`[\u00C2-\u00DF]${continuation}|[\u00E0-\u00EF]${continuation}{2}|[\u00F0-\u00F4]${continuation}{3}`, "g");
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** A letter, a no-break space and a French closing mark, at the place it is tried (`y`). */
const frenchSpace = /[^ÂÃ]\u00A0[«»:;!?]/y;

/** The text that was meant, when `garbled` is UTF-8 read as Windows-1252; undefined when it is not. */
export function repairGarbled(garbled: string): string | undefined {
  const bytes: number[] = [];
  for (const char of garbled) {
    const code = char.codePointAt(0)!;
    const special = windows1252.indexOf(char);
    if (special >= 0) bytes.push(0x80 + special);
    else if (code < 0x100) bytes.push(code);
    else return undefined;
  }
  try {
    return strictUtf8.decode(new Uint8Array(bytes));
  } catch {
    return undefined;
  }
}

/** Past this many in one file, the rest are counted, not listed: a file of a million unseen characters is one fault. */
const maxTextProblems = 1000;

/** Text garbled by a wrong encoding, and characters nobody can see, in any text file an editor writes. */
export function checkText(file: string, lines: readonly string[], { xml = false } = {}): Problem[] {
  const problems: Problem[] = [];
  let more = { count: 0, line: 0 };
  const add = (line: number, message: string, fix: string, column: number) => {
    if (problems.length < maxTextProblems) problems.push(problem(file, line, message, fix, "error", column));
    else more = { count: more.count + 1, line };
  };
  lines.forEach((line, i) => {
    const garbled: [from: number, to: number][] = [];
    for (const match of line.matchAll(garbledPattern)) {
      // French sets a no-break space between a word and its » (« Résumé », l’ÉTÉ »): a letter, the space and the » is
      // text as written. Garbled, the space follows Â (which was one) or Ã (à), or a letter goes on (Å  for Š).
      frenchSpace.lastIndex = match.index;
      if (frenchSpace.test(line)) continue;
      const meant = repairGarbled(match[0]);
      if (meant === undefined) continue;
      garbled.push([match.index, match.index + match[0].length]);
      add(i + 1, `"${match[0]}" is garbled text (UTF-8 read with the wrong encoding)`, `replace it with "${meant}"`, match.index + 1);
    }
    for (const match of line.matchAll(/\uFFFD/g)) {
      add(i + 1, "a character here could not be read: the file is not saved as UTF-8 (it shows as �)", "save the file as UTF-8 (in most editors: Save As, then Encoding: UTF-8) and type the character again", match.index + 1);
    }
    for (const { character, index } of hiddenCharacters(line)) {
      if (character === "\uFEFF" && i === 0 && index === 0) continue; // a byte order mark at the very start is harmless
      if (garbled.some(([from, to]) => index >= from && index < to)) continue; // said as garbled text
      add(i + 1, `there is ${hiddenName(character)} (${codePoint(character)}) here, which nobody can see`, "delete it: put the cursor just after it and press Backspace, or retype the word", index + 1);
    }
    // XML (an SVG drawing) reads a character written by its number as the character itself.
    for (const match of xml ? line.matchAll(numericReference) : []) {
      const hidden = firstHidden(decodeHTML(match[0]));
      if (hidden) add(i + 1, `a character reference here stands for ${hiddenName(hidden)} (${codePoint(hidden)}), which nobody can see`, "delete the reference", match.index + 1);
    }
  });
  if (more.count) {
    problems.push(problem(file, more.line, `${more.count.toLocaleString("en-US")} more ${more.count === 1 ? "character" : "characters"} like those above ${more.count === 1 ? "is" : "are"} in this file, the last on this line`, "fix those above, then check again: so many usually come from a program that changed the text, so copy it again from where it was written, or save the file again as UTF-8"));
  }
  return problems;
}

/** A character written by its number, as XML reads one: `&#x202E;`, `&#8238;`. */
const numericReference = /&#(?:[xX][0-9a-fA-F]+|[0-9]+);/g;

/** A character reference as a browser reads one: `&#x202E;`, `&#8238;`, `&shy;`, or a legacy one without its `;`. */
const characterReference = /&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g;

/**
 * Characters nobody can see that a page's text names by reference (`&#x202E;`, `&shy;`) rather than writes, so that
 * the check of its lines never sees them: Markdown writes the character itself into the page, and raw HTML keeps
 * the reference for the browser to read. Each is said at its line, in the page as rendered.
 */
export function checkCharacterReferences(page: PageSource): Problem[] {
  const { html } = page.rendered;
  const found = new Map<number, string>();
  for (const { character, index } of hiddenCharacters(html)) found.set(index, character);
  for (const match of html.matchAll(characterReference)) {
    const hidden = firstHidden(decodeHTML(match[0]));
    if (hidden) found.set(match.index, hidden);
  }
  // Said once a line for each character: a heading's reference is in its link's label too.
  const said = new Map<string, Problem>();
  for (const [offset, character] of found) {
    const line = page.bodyLineOffset + bodyLineAt(page.rendered, offset) + 1;
    // One written as it is is said by the check of the page's lines, at its column.
    if (page.lines[line - 1]?.includes(character) || said.has(`${line}:${character}`)) continue;
    said.set(`${line}:${character}`, problem(page.file, line, `a character reference here stands for ${hiddenName(character)} (${codePoint(character)}), which nobody can see`, "delete the reference", "error"));
  }
  return [...said.values()];
}
