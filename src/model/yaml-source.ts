import { isMap, isNode, isSeq, LineCounter, parseDocument, YAMLError, type Node } from "yaml";

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

/** Parses YAML (JSON is YAML too) without ever running code: the yaml package has no executable tags. */
export function parseYaml(text: string): YamlSource {
  const lineCounter = new LineCounter();
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
    throw new YamlSyntaxError(describeYamlError(firstError), quoteLine ?? line, quoteLine ? 1 : col);
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
    const { line, col } = lineCounter.linePos(Math.max(0, text.search(/\*[^\s,\]}]/)));
    throw new YamlSyntaxError("it repeats a named part (&name, *name) too many times", line, col, "write the values out instead of repeating them with * and &");
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

const tooDeep = () => new YamlSyntaxError("its lists and groups are nested too deep to read", 1, 1, "write the values with less nesting");

/** `title: Code: the basics`, the commonest YAML mistake: a value with ": " in it, which YAML reads as another field. */
function colonInValue(line: string): { message: string; fix: string } | undefined {
  const field = /^(\s*(?:- )?)([\w-]+):\s+([^"'\s].*:\s.*?)\s*$/.exec(line);
  if (!field) return undefined;
  const [, indent, name, value] = field;
  // Curly quotes are not YAML's quotes: the straight ones replace them rather than wrap them.
  const text = value!.replace(/^[“‘„«](.*)[”’“»]$/s, "$1");
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

function describeYamlError(error: YAMLError): string {
  const explanations: Record<string, string> = {
    DUPLICATE_KEY: "the same field is written twice",
    BAD_INDENT: "the indentation is off",
    MISSING_CHAR: "a character is missing (often a closing quote or bracket)",
    BLOCK_AS_IMPLICIT_KEY: "a line is missing its colon or is indented wrongly",
    MULTILINE_IMPLICIT_KEY: "a value runs over several lines without quotes",
    UNEXPECTED_TOKEN: "there is a character YAML does not expect here",
    TAB_AS_INDENT: "a tab is used to indent (use spaces)",
  };
  const first = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
  return explanations[error.code] ? `${explanations[error.code]} (${first})` : first;
}
