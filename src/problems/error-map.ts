import type { z } from "zod";
import { patternWithMessage } from "../schema/patterns.ts";
import { mayBeHidden } from "./hidden-characters.ts";
import { didYouMean } from "./suggest.ts";
import { startOf } from "./problems.ts";

export interface FieldIssue {
  /** Where in the data the problem is: field names and list positions. */
  path: PropertyKey[];
  /** Point at the key itself rather than its value (unknown and misspelled fields). */
  atKey: boolean;
  /** The field is not there at all, so there is no line of its own to point at. */
  missing?: boolean;
  message: string;
  fix: string;
}

const ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/** "the 7th": words for the first ten, as people count entries in a list. */
function ordinal(position: number): string {
  if (position <= ordinals.length) return `the ${ordinals[position - 1]!}`;
  const suffix = position % 100 >= 11 && position % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][position % 10] ?? "th");
  return `the ${position}${suffix}`;
}

/** What an entry of a list calls itself, if it has a short name or title: "CalFresh app". */
function entryName(entry: unknown): string | undefined {
  if (entry === null || typeof entry !== "object") return undefined;
  const { name, title } = entry as Record<string, unknown>;
  const label = typeof name === "string" ? name : typeof title === "string" ? title : undefined;
  // A name with a quote, a line break or a character nobody would see is no name to quote.
  return label && label.length <= 60 && !/["\n]/.test(label) && !label.match(mayBeHidden) ? label : undefined;
}

/**
 * Names a place in the data in the editor's own terms, from the field outwards:
 * `["primary", 6, "url"]` is `"url" in the seventh entry of "primary"`, never `primary[6].url`.
 * Given the data, an entry with a name is called by it: `"url" in the entry "Office hours" of "primary"`.
 * `anyEntry` says it of every entry, for the same fault found in many: `"tags" in each entry of "releases"`.
 */
export function describeField(path: readonly PropertyKey[], data?: unknown, { anyEntry = false } = {}): string {
  if (path.length === 0) return "the whole file";
  const words: string[] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === "number") {
      const list = path[i - 1];
      const hasName = typeof list === "string";
      const name = data === undefined ? undefined : entryName(valueAt(data, path.slice(0, i + 1)));
      const entry = anyEntry ? "each entry" : name ? `the entry "${name}"` : `${ordinal(segment + 1)} entry`;
      words.push(`${entry}${hasName ? ` of "${list}"` : ""}`);
      if (hasName) i--;
    } else {
      words.push(`"${String(segment)}"`);
    }
  }
  return words.join(" in ");
}

const typeNames: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a group of fields",
  date: "a date (YYYY-MM-DD)",
  record: "names with their values, one a line, such as es: Español",
};

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (Array.isArray(value)) return "a list";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a group of fields";
  if (typeof value === "string") return quotedText(value);
  // YAML's .nan and .inf are numbers to JavaScript, but no reader's.
  if (typeof value === "number") return Number.isNaN(value) ? "not a number" : Number.isFinite(value) ? `the number ${String(value)}` : `a number too ${value > 0 ? "large" : "far below zero"} to use`;
  return `the value ${String(value)}`;
}

/** A text as written, or, where it runs past what a message can show, its start and its length. */
function quotedText(text: string): string {
  if (text.length <= 300) return `the text "${text}"`;
  return `the text "${startOf(text)}", ${text.length.toLocaleString("en-US")} characters long`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** Keys allowed at a path of an object schema, for "did you mean" on unknown keys. */
function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let node = s as { def?: { type?: string; innerType?: unknown; element?: unknown; shape?: unknown; in?: unknown } };
    while (node?.def && ["optional", "default", "nullable", "pipe", "readonly", "catch", "prefault"].includes(node.def.type ?? "")) {
      node = (node.def.innerType ?? node.def.in) as typeof node;
    }
    return node;
  };
  for (const segment of path) {
    const node = unwrap(current) as { def?: { type?: string; element?: unknown; shape?: Record<string, unknown>; valueType?: unknown } };
    if (node?.def?.type === "array" && typeof segment === "number") current = node.def.element;
    else if (node?.def?.type === "object" && node.def.shape) current = node.def.shape[String(segment)];
    // A record (roles.yaml's roles, by any name) has one schema for every value.
    else if (node?.def?.type === "record") current = node.def.valueType;
    else return [];
  }
  const node = unwrap(current) as { def?: { type?: string; shape?: Record<string, unknown> } };
  return node?.def?.type === "object" && node.def.shape ? Object.keys(node.def.shape) : [];
}

/** Fields other site generators (Eleventy, Jekyll, Hugo) use for what a field of ours does: people bring them along. */
const othersNames: Record<string, string> = {
  eleventyExcludeFromCollections: "unlisted",
  sitemap: "unlisted",
  hidden: "unlisted",
  noindex: "unlisted",
  published: "draft",
  aliases: "redirect_from",
  redirects: "redirect_from",
  summary: "description",
  excerpt: "description",
  weight: "order",
  slug: "permalink",
  url: "permalink",
};

/** Turns zod's issues into sentences an editor who has never seen a schema can act on. */
export function explainIssues(error: z.ZodError, data: unknown, schema: z.ZodType): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    const name = describeField(path, data);
    const value = valueAt(data, path);
    switch (issue.code) {
      case "unrecognized_keys": {
        const known = knownKeysAt(schema, path);
        for (const key of issue.keys) {
          const theirs = othersNames[key];
          const ours = theirs && known.includes(theirs) ? theirs : undefined;
          const guess = didYouMean(key, known);
          issues.push({
            path: [...path, key],
            atKey: true,
            message: `unknown field ${describeField([...path, key], data)}`,
            fix: ours ? `use "${ours}" instead: it is this site's field for that` : guess ? `did you mean "${guess}"?` : known.length ? `remove it, or use one of: ${known.join(", ")}` : "remove it",
          });
        }
        break;
      }
      case "invalid_type": {
        const expected = typeNames[issue.expected] ?? issue.expected;
        if (value === undefined) {
          issues.push({ path, atKey: true, missing: true, message: `the field ${name} is missing`, fix: `add "${String(path.at(-1))}:" with ${expected}` });
        } else {
          // YAML reads 1234567 (a commit) or 2.0 as a number; quotes keep it as it was written.
          const fix = issue.expected === "string" && typeof value === "number" ? "put it in quotes, as it is written, so that it is read as text" : issue.expected === "number" ? numberFix(value) : `write ${expected} here`;
          issues.push({ path, atKey: false, message: `${name} should be ${expected}, but it is ${describeValue(value)}`, fix });
        }
        break;
      }
      case "invalid_value": {
        const options = issue.values.map(String);
        const guess = typeof value === "string" ? didYouMean(value, options) : undefined;
        issues.push({
          path,
          atKey: false,
          message: `${name} is ${describeValue(value)}, which is not one of ${options.join(", ")}`,
          fix: guess ? `did you mean "${guess}"?` : `use one of: ${options.join(", ")}`,
        });
        break;
      }
      case "invalid_format":
        if (issue.format === "date") {
          issues.push({ path, atKey: false, message: `${name} should be a real date written YYYY-MM-DD, but it is ${describeValue(value)}`, fix: "write the date like 2025-06-30" });
          break;
        }
        issues.push({ path, atKey: false, message: `${name} ${issue.message}, but it is ${describeValue(value)}`, fix: fixFor(issue, value) });
        break;
      case "invalid_key": {
        // A name that is not one of the names allowed there, such as a language tag under "languages".
        const key = String(path.at(-1));
        const inner = issue.issues[0];
        const pattern = inner?.code === "invalid_format" || inner?.code === "custom" ? patternWithMessage(inner.message) : undefined;
        issues.push({
          path,
          atKey: true,
          message: `the name "${key}" in ${describeField(path.slice(0, -1), data)} ${pattern?.message ?? "is not a name allowed there"}`,
          fix: pattern?.suggest(key) ?? "correct the name",
        });
        break;
      }
      case "too_small":
        if (issue.origin === "string") {
          issues.push({ path, atKey: false, message: `${name} is empty`, fix: "write some text here" });
          break;
        }
        if (typeof value === "number") {
          issues.push(numberOutOfRange(path, name, value, "small", issue.minimum));
          break;
        }
        issues.push({ path, atKey: false, message: `${name} needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}`, fix: "add the missing items" });
        break;
      case "too_big":
        // The value itself is not repeated: it may be a whole paragraph.
        if (typeof value === "string" || Array.isArray(value)) {
          const [size, unit] = typeof value === "string" ? [value.length, "characters"] : [value.length, "items"];
          issues.push({ path, atKey: false, message: `${name} is ${size} ${unit} long, more than the ${String(issue.maximum)} it may have`, fix: `shorten it to at most ${String(issue.maximum)} ${unit}` });
          break;
        }
        issues.push(numberOutOfRange(path, name, value, "large", issue.maximum));
        break;
      default:
        issues.push({ path, atKey: false, message: `${name} ${issue.message}, but it is ${describeValue(value)}`, fix: fixFor(issue, value) });
    }
  }
  return issues;
}

/** How to write as a number what was not read as one: 1,000 and 1_000 are text to YAML, 1000 is a number. */
function numberFix(value: unknown): string {
  const grouped = typeof value === "string" && /^[+-]?\d{1,3}(?:[,_ ]\d{3})+$/.test(value.trim()) ? value.trim().replace(/[,_ ]/g, "") : undefined;
  return grouped ? `write it without separators, as ${grouped}` : "write a number here";
}

/**
 * A number past a field's bound. A whole number's only bound may be the largest a computer counts exactly
 * (9007199254740991), which no editor means: that one is said as "too large", not by its digits.
 */
function numberOutOfRange(path: PropertyKey[], name: string, value: unknown, side: "small" | "large", bound: number | bigint): FieldIssue {
  if (Math.abs(Number(bound)) === Number.MAX_SAFE_INTEGER) {
    // Its value is not quoted: past this bound, the number read is not the one written (12345678901234567890 reads as …7000).
    return { path, atKey: false, message: `${name} is a number too ${side === "large" ? "large" : "far below zero"} for the site to use`, fix: "write a whole number of at most 15 digits, such as 10" };
  }
  return side === "large"
    ? { path, atKey: false, message: `${name} is ${describeValue(value)}, more than ${String(bound)}`, fix: `keep it to at most ${String(bound)}` }
    : { path, atKey: false, message: `${name} is ${describeValue(value)}, less than ${String(bound)}`, fix: `make it at least ${String(bound)}` };
}

function fixFor(issue: z.core.$ZodIssue, value: unknown): string {
  // A pattern's rule that a regular expression cannot say (an old address's length in bytes) is a refinement with the pattern's message.
  const pattern = (issue.code === "invalid_format" && issue.format === "regex") || issue.code === "custom" ? patternWithMessage(issue.message) : undefined;
  if (pattern && typeof value === "string") return pattern.suggest(value);
  // A rule of its own may carry its fix.
  if (issue.code === "custom" && typeof issue.params?.fix === "string") return issue.params.fix;
  if (issue.code === "invalid_format") return issue.format === "url" ? "write the whole address, starting with https://" : `write it as a valid ${issue.format}`;
  return "correct the value";
}
