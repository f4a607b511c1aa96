import { isMap, isNode, isSeq, LineCounter, parseDocument, visit, YAMLError, type Document, type Node } from "yaml";
import { messageOf } from "../problems/problems.ts";

/** YAML parsed with the source position of every key and value, so errors can point at a line. */
export interface YamlSource {
  value: unknown;
  /** 1-based line and column of the value (or, with `key`, of the key) at a path; the nearest existing parent when the path is missing. */
  position(path: readonly PropertyKey[], which?: "key" | "value"): { line: number; column: number };
}

export class YamlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
    /** How to fix it, when the mistake is recognised. */
    readonly fix?: string,
  ) {
    super(message);
  }
}

/** Deeper than any data file or front matter goes, and shallow enough for the parser's recursion. */
const maxFlowNesting = 100;

/**
 * Where `[` and `{` nest deeper than `maxFlowNesting`, outside quotes and comments, or -1. The parser recurses a
 * level a bracket: nested thousands deep, the stack can run out inside V8's regular expression compiler, which
 * ends the process outright instead of throwing.
 */
function tooDeepAt(text: string): number {
  let depth = 0;
  let previous: string | undefined; // the last character other than a space, on this line
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    // A quote opens a quoted text only where a value starts; in a word, as in don't, it is a letter.
    if ((char === "'" || char === '"') && (previous === undefined || "[{,:-?".includes(previous))) {
      // It ends at its next unescaped quote ('' inside single quotes is a quote).
      for (i++; i < text.length && text[i] !== char; i++) if (char === '"' && text[i] === "\\") i++;
    } else if (char === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (char === "[" || char === "{") {
      if (++depth > maxFlowNesting) return i;
    } else if ((char === "]" || char === "}") && depth > 0) {
      depth--;
    }
    if (char === "\n") previous = undefined;
    else if (char !== " " && char !== "\t") previous = text[i];
  }
  return -1;
}

/** Parses YAML (JSON is YAML too) without ever running code: the yaml package has no executable tags. */
export function parseYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
  const deep = tooDeepAt(text);
  if (deep !== -1) throw tooDeep(text.slice(0, deep).split("\n").length);
  let doc: ReturnType<typeof parseDocument>;
  try {
    // logLevel "error": the package's own warnings (a list used as a key) would print to the console, not at a line.
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  } catch {
    throw tooDeep();
  }
  const firstError: YAMLError | undefined = doc.errors[0];
  if (firstError && /call stack/i.test(firstError.message)) throw tooDeep();
  if (firstError) {
    const { line, col } = lineCounter.linePos(firstError.pos[0]);
    const quoteLine = firstError.code === "MISSING_CHAR" ? lineOfUnclosedQuote(text, line) : undefined;
    const colon = firstError.code === "BLOCK_AS_IMPLICIT_KEY" ? colonInValue(text.split("\n")[line - 1] ?? "") : undefined;
    if (colon) throw new YamlSyntaxError(colon.message, line, col, colon.fix);
    const described = describeYamlError(firstError, text, line);
    throw new YamlSyntaxError(described.message, quoteLine ?? described.line ?? line, quoteLine || described.line ? 1 : col, described.fix);
  }
  const refusal = tagOrDirective(doc, text);
  if (refusal) {
    const { line, col } = lineCounter.linePos(refusal.offset);
    throw new YamlSyntaxError(refusal.message, line, col, refusal.fix);
  }
  const at = (offset: number | undefined) => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { line, column: col };
  };
  let value: unknown;
  try {
    // The yaml package refuses to expand an alias more than 100 times: a "billion laughs" would fill the memory.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof RangeError && /call stack/i.test(error.message)) throw tooDeep();
    const unresolved = error instanceof ReferenceError ? /Unresolved alias.*: (.*)$/.exec(error.message)?.[1] : undefined;
    if (unresolved !== undefined) {
      const { line, col } = lineCounter.linePos(Math.max(0, text.indexOf(`*${unresolved}`)));
      throw new YamlSyntaxError(`*${unresolved} names no part marked &${unresolved} above it`, line, col, "write the value out, or put it in quotes if the * is part of the text");
    }
    const { line, col } = lineCounter.linePos(firstAlias(doc)?.range?.[0] ?? 0);
    if (/alias count/i.test(messageOf(error))) throw new YamlSyntaxError("it repeats a named part (&name, *name) too many times", line, col, "write the values out instead of repeating them with * and &");
    throw new YamlSyntaxError("a part of it cannot be read as fields, lists and values", 1, 1, "write it as plain fields and lists, as the other files in _data/ are");
  }
  // An alias is not copied by the reading, but by whatever shows the value: 100 aliases of a long text are 100 texts.
  const alias = firstAlias(doc);
  if (alias && expandsPast(value, maxExpandedCharacters)) {
    const { line, col } = lineCounter.linePos(alias.range?.[0] ?? 0);
    throw new YamlSyntaxError(`its aliases (*name) repeat parts of it without end, or to more than ${maxExpandedCharacters / 1024 ** 2} MB of text`, line, col, "write out what is repeated, once, where it is needed");
  }
  return {
    value,
    position(path, which = "value") {
      let node: unknown = doc.contents;
      let keyOffset: number | undefined;
      let lastOffset = (doc.contents as Node | null)?.range?.[0] ?? 0;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isNode(item.key) && String((item.key as { value?: unknown }).value) === String(segment));
          if (!pair) break;
          keyOffset = (pair.key as Node).range?.[0];
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          node = node.items[segment];
          keyOffset = undefined;
        } else break;
        lastOffset = (isNode(node) ? node.range?.[0] : undefined) ?? keyOffset ?? lastOffset;
      }
      return at(which === "key" && keyOffset !== undefined ? keyOffset : lastOffset);
    },
  };
}

/**
 * A tag (`!!binary`, `!!set`, `!foo`) or a directive (`%YAML 1.1`, which brings back merge keys and yes/no as true
 * and false) makes a value something other than the text, numbers, lists and fields the schemas describe, or is
 * dropped without a word: neither is anything an editor needs, so each is named.
 */
function tagOrDirective(doc: Document, text: string): { offset: number; message: string; fix: string } | undefined {
  if ((doc.directives?.yaml.explicit && doc.directives.yaml.version !== "1.2") || Object.keys(doc.directives?.tags ?? {}).length > 1) {
    return { offset: Math.max(0, text.search(/^%/m)), message: "a line starting with % (a YAML directive) changes how the rest is read", fix: "remove the line, and the --- line after it" };
  }
  let tagged: Node | undefined;
  visit(doc, (_key, node) => {
    if (!isNode(node) || !node.tag) return undefined;
    tagged = node;
    return visit.BREAK;
  });
  if (!tagged) return undefined;
  // The tag is written just before its value (an anchor, &name, may come between): the last word starting with ! there.
  const valueAt = tagged.range?.[0] ?? 0;
  const before = text.slice(Math.max(0, valueAt - 1000), valueAt);
  const found = before.search(/!\S*(?:\s+&\S+)?\s*$/);
  const offset = found === -1 ? valueAt : valueAt - before.length + found;
  const tag = /^!\S*/.exec(text.slice(offset))?.[0] ?? "!";
  return { offset, message: `the value is marked with the tag ${tag}, which the site does not read`, fix: "remove the tag, and write the value as text (in quotes if need be), a number, a list or fields" };
}

/** As much text as a data file may hold, its aliases repeated: what the largest file without them could say. */
const maxExpandedCharacters = 1024 * 1024;

/** The document's first alias (`*name`), as written. */
function firstAlias(doc: Document): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_key, alias) {
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

/** Whether a value's texts and names add up to more than `limit` characters; one that holds itself always does. */
function expandsPast(value: unknown, limit: number): boolean {
  let left = limit;
  const pending: unknown[] = [value];
  while (pending.length) {
    const item = pending.pop();
    left -= typeof item === "string" ? item.length : 1;
    if (left < 0) return true;
    if (item instanceof Map) for (const [key, entry] of item) pending.push(key, entry);
    else if (Array.isArray(item)) for (const entry of item) pending.push(entry);
    else if (item !== null && typeof item === "object") for (const [key, entry] of Object.entries(item)) pending.push(key, entry);
  }
  return false;
}

const tooDeep = (line = 1) => new YamlSyntaxError("its lists and groups are nested too deep to read", line, 1, "write the values with less nesting");

/** `title: Code: the basics`, the commonest YAML mistake: a value with ": " in it, which YAML reads as another field. */
function colonInValue(line: string): { message: string; fix: string } | undefined {
  // Read in one pass: a single pattern over the whole line backtracked through every ": " of a line that breaks
  // somewhere inside (a carriage return), for minutes on one long line.
  const written = line.replace(/\r$/, "");
  const field = /^(\s*(?:- )?)([\w-]+):\s+/.exec(written);
  const value = field ? written.slice(field[0].length) : "";
  if (!field || /^["']|[\r\u2028\u2029]/.test(value) || !/:\s/.test(value.slice(1))) return undefined;
  const [, indent, name] = field;
  // Curly quotes are not YAML's quotes: the straight ones replace them rather than wrap them.
  const text = value.trimEnd().replace(/^[“‘„«](.*)[”’“»]$/s, "$1");
  return {
    message: `the value of "${name}" has a colon and a space in it, which YAML reads as the start of another field`,
    fix: `put the value in quotes: ${indent}${name}: "${text.replace(/"/g, '\\"')}"`,
  };
}

/** The parser notices an unclosed quote only where the text ends; the editor needs the line where it opened. */
function lineOfUnclosedQuote(text: string, reportedLine: number): number | undefined {
  const lines = text.split("\n").slice(0, reportedLine);
  for (let i = lines.length - 1; i >= 0; i--) {
    const value = lines[i]!.replace(/^[^:]*:\s*/, "");
    for (const quote of ['"', "'"]) {
      if (value.startsWith(quote) && !value.trimEnd().endsWith(quote)) return i + 1;
      if (value.startsWith(quote) && value.trim().length === 1) return i + 1;
    }
  }
  return undefined;
}

/** What went wrong and how to fix it, in words: the parser's own messages speak of "maps", "scalars" and "flow collections". */
function describeYamlError(error: YAMLError, text: string, line: number): { message: string; fix?: string; line?: number } {
  const explanations: Record<string, { message: string; fix?: string }> = {
    BAD_INDENT: { message: "the indentation is off", fix: "line this field up with the fields around it, using the same number of spaces" },
    MISSING_CHAR: { message: "a character is missing (often a closing quote or bracket)" },
    BLOCK_AS_IMPLICIT_KEY: { message: "a line is missing its colon or is indented wrongly" },
    MULTILINE_IMPLICIT_KEY: { message: "a value runs over several lines without quotes" },
    UNEXPECTED_TOKEN: { message: "there is a character YAML does not expect here" },
    TAB_AS_INDENT: { message: "a tab is used to indent this line, and YAML allows only spaces", fix: "replace the tab at the start of the line with spaces" },
    BAD_SCALAR_START: { message: "the value starts with a character YAML keeps for itself (such as @, ` or %)", fix: "put the value in quotes" },
    BAD_DQ_ESCAPE: { message: "a backslash in text in double quotes starts no character YAML knows", fix: "write a backslash as two (\\\\), or put the text in single quotes" },
    KEY_OVER_1024_CHARS: { message: "this line is read as a field whose name is more than 1,024 characters long, which YAML does not allow", fix: 'if the line is text, write it after its field\'s name and in quotes, such as description: "…"' },
    MULTIPLE_DOCS: { message: 'a second "---" line starts another document, which is not read', fix: 'remove the extra "---" line' },
  };
  const close = error.code === "BAD_INDENT" ? /end with an? ([\]}])/.exec(error.message)?.[1] : undefined;
  if (close) {
    const open = close === "]" ? "[" : "{";
    const opened = text.split("\n").slice(0, line).map((l) => l.includes(open)).lastIndexOf(true);
    return { message: `the ${open} that starts a ${open === "[" ? "list" : "group of fields"} is never closed with ${close}`, fix: `add the ${close} at the end of the value`, line: opened >= 0 ? opened + 1 : line };
  }
  if (error.code === "DUPLICATE_KEY") {
    // A list entry's first field sits after its "- ": as a space, it lines up with the entry's other fields.
    const lines = text.split("\n").map((l) => l.replace(/^(\s*)- /, "$1  "));
    const key = /^\s*[^:#\s][^:#]*?(?=\s*:)/.exec(lines[line - 1] ?? "")?.[0];
    let first = line - 2;
    while (key && first >= 0 && !lines[first]!.startsWith(`${key}:`)) first--;
    if (key && first >= 0) return { message: `the field "${key.trim()}" is written twice (first on line ${first + 1})`, fix: "keep one of the two lines and remove the other" };
    return { message: "the same field is written twice", fix: "keep one of the two and remove the other" };
  }
  return explanations[error.code] ?? { message: "YAML cannot make sense of this line" };
}
