import { readFileSync } from "node:fs";
import matter from "gray-matter";
import { pageSchema, type PageFrontMatter } from "../schema/page.ts";
import { problem, type Problem } from "../problems/problems.ts";
import { validateYaml } from "./validate.ts";

function refuseExecutable(): never {
  throw new Error("executable front matter is not allowed");
}

/**
 * Front matter engines for gray-matter and Eleventy (which reads the layouts' front matter with it). gray-matter
 * runs `---js` and `---javascript` front matter as code unless both engines are replaced (`js: false` is not enough).
 */
export const safeEngines = {
  js: refuseExecutable,
  javascript: refuseExecutable,
  jsLegacy: refuseExecutable,
  node: refuseExecutable,
};

export interface ParsedPage {
  file: string;
  /** The checked front matter; undefined when it has errors (the body can still be checked). */
  data?: PageFrontMatter;
  /** The Markdown after the front matter. */
  body: string;
  /** How many lines of the file come before `body`, to turn body line numbers into file line numbers. */
  bodyLineOffset: number;
}

const executableLanguages = new Set(["js", "javascript", "node", "coffee", "coffeescript"]);

/** Reads a page's front matter and checks it against the page schema, with every problem at its line. */
export function parsePage(file: string, fileText = readFileSync(file, "utf8")): { page?: ParsedPage; problems: Problem[] } {
  // Windows editors may start a file with a byte order mark; it is not text, and Eleventy skips it too.
  const text = fileText.replace(/^\uFEFF/, "");
  const opening = /^---([^\n]*)\n/.exec(text);
  const language = opening?.[1]?.trim() ?? "";
  if (language && language !== "yaml") {
    const executable = executableLanguages.has(language.toLowerCase());
    return {
      problems: [
        problem(
          file,
          1,
          executable ? `front matter written as ${language} code is not allowed` : `front matter in "${language}" is not supported`,
          'start the file with a plain "---" line and write the fields in YAML',
        ),
      ],
    };
  }
  if (!opening) {
    return { problems: [problem(file, 1, "the page has no front matter", 'start the file with "---", a "title:" and a "description:" line, and "---"')] };
  }
  if (!/\n---[ \t]*\r?(\n|$)/.test(text.slice(opening[0].length - 1))) {
    return { problems: [problem(file, 1, 'the front matter is never closed: there is no second "---" line', 'add a line with just "---" after the last field, before the page\'s text')] };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Parse YAML ourselves below (for line numbers); gray-matter only splits the file, and must never run code.
    parsed = matter(text, { engines: { ...safeEngines, yaml: () => ({}) } });
  } catch {
    return { problems: [problem(file, 1, "the front matter cannot be read", 'check that it starts and ends with a "---" line')] };
  }
  // gray-matter's `matter` starts with the newline that ends the opening "---", so its lines are the file's.
  // With Windows line endings, the "\r" before the closing "---" is left on the last line, where YAML keeps it in the value.
  const result = validateYaml(pageSchema, parsed.matter.replace(/\r$/, ""), file);
  const bodyLineOffset = text.slice(0, text.length - parsed.content.length).split("\n").length - 1;
  return { page: { file, data: result.ok ? result.value : undefined, body: parsed.content, bodyLineOffset }, problems: result.problems };
}
