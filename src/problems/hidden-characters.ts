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

/**
 * Every character that may show nothing: the invisible ones, control characters but a tab and line breaks, and
 * Unicode's tag characters, which can spell hidden text. A log shows each as written in JavaScript (`printable`).
 */
// eslint-disable-next-line no-control-regex
export const mayBeHidden = new RegExp(`[${Object.keys(invisibleCharacters).join("")}\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u{e0000}-\\u{e007f}]`, "gu");

/**
 * A letter of a script that spells words with joiners (Arabic, Persian, the Indic scripts): not Latin, Greek or
 * Cyrillic, where a joiner only hides inside a word ("pay\u200Cpal" is not "paypal").
 */
const joinedLetter = /^(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])[\p{L}\p{M}]$/u;
const emojiPart = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]/u;
const blackFlag = 0x1f3f4;
/** The most tags a flag's sequence has before its end: England's has five ("gbeng"). */
const flagTags = 7;
const isTag = (code: number | undefined) => code !== undefined && code >= 0xe0020 && code <= 0xe007e;

/** The character before `index`, a surrogate pair whole. */
function characterBefore(text: string, index: number): string {
  const at = index >= 2 && /[\uDC00-\uDFFF]/.test(text[index - 1]!) ? index - 2 : index - 1;
  return at < 0 ? "" : String.fromCodePoint(text.codePointAt(at)!);
}

/**
 * Whether a character `mayBeHidden` found at `index` does a job there, which the text would lose without it: a
 * joiner between letters (Persian spells words with a zero-width non-joiner) or, for the zero-width joiner, between
 * emoji (👩‍💻); a tag character in a flag's short tag sequence (🏴 and the tags of England). Looks back a few
 * characters at most, so a line of them takes no longer than its reading.
 */
function doesAJob(text: string, index: number, character: string): boolean {
  if (character === "\u200C" || character === "\u200D") {
    const [before, after] = [characterBefore(text, index), String.fromCodePoint(text.codePointAt(index + 1) ?? 0)];
    return (joinedLetter.test(before) && joinedLetter.test(after)) || (character === "\u200D" && emojiPart.test(before) && emojiPart.test(after));
  }
  const code = character.codePointAt(0)!;
  if (!isTag(code) && code !== 0xe007f) return false;
  let at = index;
  for (let tags = 0; tags < flagTags && isTag(text.codePointAt(at - 2)) && /[\uDC00-\uDFFF]/.test(text[at - 1] ?? ""); tags++) at -= 2;
  return text.codePointAt(at - 2) === blackFlag;
}

/** Each character in a text that nobody would see, and where: those that do a job where they stand are left out. */
export function* hiddenCharacters(text: string): Generator<{ character: string; index: number }> {
  for (const match of text.matchAll(mayBeHidden)) if (!doesAJob(text, match.index, match[0])) yield { character: match[0], index: match.index };
}

/** The first character in a text that nobody would see, if any. */
export const firstHidden = (text: string): string | undefined => hiddenCharacters(text).next().value?.character;

/** A text without the characters nobody would see. */
export const withoutHidden = (text: string): string => text.replace(mayBeHidden, (character, index: number) => (doesAJob(text, index, character) ? character : ""));

/** What a hidden character is called. */
export const hiddenName = (character: string): string =>
  invisibleCharacters[character] ?? (character.codePointAt(0)! >= 0xe0000 ? "an invisible tag character" : "a control character");
