import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";
import { problem, type Problem } from "../problems/problems.ts";
import type { PageSource } from "./page-source.ts";

export const readingGradeLimit = 9;

/**
 * The page's prose only: its paragraphs, not its headings, lists (often names), tables or code, which
 * readability formulas misjudge.
 */
export function prose(page: PageSource): string {
  const paragraphs: string[] = [];
  page.tokens.forEach((token, i) => {
    if (token.type !== "paragraph_open" || token.hidden) return;
    const inline = page.tokens[i + 1];
    const text = (inline?.children ?? []).filter((c) => c.type === "text").map((c) => c.content).join(" ").trim();
    if (text) paragraphs.push(/[.!?]$/.test(text) ? text : `${text}.`);
  });
  return paragraphs.join(" ");
}

// Counting syllables is the slow part, and prose repeats its words: count each word once per build.
const syllableCounts = new Map<string, number>();
function syllables(word: string): number {
  const key = word.toLowerCase();
  let count = syllableCounts.get(key);
  if (count === undefined) syllableCounts.set(key, (count = syllable(key)));
  return count;
}

/** The Flesch–Kincaid grade of a text: the US school grade a reader needs to follow it. */
export function readingGrade(text: string): number | undefined {
  const words = text.match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  const sentence = (text.match(/[.!?]+(\s|$)/g) ?? []).length;
  if (words.length < 30 || sentence === 0) return undefined;
  return fleschKincaid({ sentence, word: words.length, syllable: words.reduce((sum, word) => sum + syllables(word), 0) });
}

/** Each page's reading grade as a note, and a warning above grade 9 (plain language for a public site). */
export function checkReading(page: PageSource): Problem[] {
  if (!page.data || page.data.draft) return [];
  const grade = readingGrade(prose(page));
  if (grade === undefined) return [];
  const shown = Math.max(0, grade).toFixed(1);
  const firstParagraph = page.tokens.find((token) => token.type === "paragraph_open" && token.map);
  const line = page.bodyLineOffset + (firstParagraph?.map?.[0] ?? 0) + 1;
  // Past grade 20 the number means nothing to a reader (a run of words with no full stop reads at grade 7,796).
  if (grade > 20) {
    return [problem(page.file, line, `the page reads past grade 20, far above grade ${readingGradeLimit}`, "end each sentence with a full stop, and use shorter sentences and everyday words; see the README's plain language section", "warning")];
  }
  if (grade > readingGradeLimit) {
    return [problem(page.file, line, `the page reads at grade ${shown}, above grade ${readingGradeLimit}`, "use shorter sentences and everyday words; see the README's plain language section", "warning")];
  }
  return [problem(page.file, line, `the page reads at grade ${shown}`, undefined, "note")];
}
