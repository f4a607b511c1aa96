/** Characters that show nothing where they stand, each with what an editor would call it. */
export const invisibleCharacters: Readonly<Record<string, string>> = {
  "\u200B": "a zero-width space",
  "\u200C": "a zero-width non-joiner",
  "\u200D": "a zero-width joiner",
  "\u2060": "a word joiner",
  "\uFEFF": "a byte order mark",
  "\u00AD": "a soft hyphen",
  "\u202A": "a hidden text-direction control",
  "\u202B": "a hidden text-direction control",
  "\u202C": "a hidden text-direction control",
  "\u202D": "a hidden text-direction control",
  "\u202E": "a hidden text-direction control",
  "\u2066": "a hidden text-direction control",
  "\u2067": "a hidden text-direction control",
  "\u2068": "a hidden text-direction control",
  "\u2069": "a hidden text-direction control",
};

/** A character as Unicode numbers it: U+202E. */
export const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** Every character nobody would see: the invisible ones, control characters but a tab and line breaks, and Unicode's tag characters, which can spell hidden text. */
// eslint-disable-next-line no-control-regex
export const hiddenPattern = new RegExp(`[${Object.keys(invisibleCharacters).join("")}\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u{e0000}-\\u{e007f}]`, "gu");

/** What a character `hiddenPattern` found is called. */
export const hiddenName = (character: string): string =>
  invisibleCharacters[character] ?? (character.codePointAt(0)! >= 0xe0000 ? "an invisible tag character" : "a control character");
