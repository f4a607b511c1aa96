import type { z } from "zod";
import { describeField, explainIssues } from "../problems/error-map.ts";
import { problem, type Problem } from "../problems/problems.ts";
import { codePoint, hiddenCharacters, hiddenName } from "../problems/hidden-characters.ts";
import { parseYaml, YamlSyntaxError, type YamlSource } from "./yaml-source.ts";

/** `value` is what the schema made of the YAML; `parsed` is the YAML as read, before the schema's defaults. */
export type Validated<T> = { ok: true; value: T; parsed: unknown; problems: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Parses YAML text and checks it against a schema, reporting each problem at its line in `file`.
 * `lineOffset` is the number of lines in the file before the YAML starts (front matter's opening `---`).
 */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  text: string,
  file: string,
  lineOffset = 0,
): Validated<z.output<S>> {
  let source;
  try {
    source = parseYaml(text);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    return {
      ok: false,
      problems: [
        problem(file, error.line + lineOffset, `the YAML cannot be read: ${error.message}`, error.fix ?? "check the quotes, colons and indentation on this line and the one above", "error", error.column),
      ],
    };
  }
  const hidden = hiddenInValues(source, text, file, lineOffset);
  if (hidden.length) return { ok: false, problems: hidden };
  const data = source.value ?? {};
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data, parsed: data, problems: [] };
  // An empty file is described as empty, not as the group of fields the schema was given in its place.
  const problems = explainIssues(result.error, source.value, schema).map((issue) => {
    // A missing top-level field belongs to the whole block, which starts on the file's first line.
    if (issue.missing && issue.path.length === 1) return problem(file, 1, issue.message, issue.fix);
    const { line, column } = source.position(issue.path, issue.atKey ? "key" : "value");
    return problem(file, line + lineOffset, issue.message, issue.fix, "error", column);
  });
  return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
}

/**
 * Text that nobody would see, written in the YAML as an escape ("\u202E", "\0"), which hides it from the check
 * every text file's lines get: a title could then read one way and be another.
 */
function hiddenInValues(source: YamlSource, text: string, file: string, lineOffset: number): Problem[] {
  const problems: Problem[] = [];
  const waiting: [path: PropertyKey[], value: unknown][] = [[[], source.value]];
  for (let next = waiting.pop(); next; next = waiting.pop()) {
    const [path, value] = next;
    if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) waiting.push([[...path, Array.isArray(value) ? Number(key) : key], item]);
      continue;
    }
    // A character also in the file's text is said at its own place there.
    const hidden = typeof value === "string" ? [...hiddenCharacters(value)].find(({ character }) => !text.includes(character))?.character : undefined;
    if (hidden === undefined) continue;
    const { line, column } = source.position(path);
    const holds = `holds ${hiddenName(hidden)} (${codePoint(hidden)}), written as an escape, which nobody would see`;
    // The same in many entries is said once, with its lines.
    problems.push(problem(file, line + lineOffset, `${describeField(path)} ${holds}`, "delete the escape", "error", column, `${describeField(path, undefined, { anyEntry: true })} ${holds}`));
  }
  return problems.sort((a, b) => a.line - b.line);
}
