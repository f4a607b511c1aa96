import { lstatSync } from "node:fs";
import path from "node:path";
import { readContentText } from "./files.ts";
import { dataSchemas, requiredDataSchemas, type SiteData } from "../schema/data.ts";
import { append, problem, type Problem } from "../problems/problems.ts";
import { didYouMean } from "../problems/suggest.ts";
import { parseYaml } from "./yaml-source.ts";
import { validateYaml } from "./validate.ts";

export const dataFolder = (contentDir: string) => path.join(contentDir, "_data");

/** Loads and checks every data file of a content folder that the site model accepted; `data` is set only when all of them are valid. */
export function loadSiteData(contentDir: string, accepted: ReadonlySet<string>): { data?: SiteData; settings?: SiteData["settings"]; problems: Problem[]; texts: Map<string, string> } {
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  const data: Partial<Record<keyof SiteData, unknown>> = {};
  let incomplete = false;
  for (const [name, schema] of Object.entries(dataSchemas) as [keyof SiteData, (typeof dataSchemas)[keyof SiteData]][]) {
    const file = path.join(dataFolder(contentDir), `${name}.yaml`);
    if (!accepted.has(file)) {
      if (!(name in requiredDataSchemas)) continue;
      incomplete = true;
      const found = lstatSync(file, { throwIfNoEntry: false });
      // A file refused for what it is (too large, a link) has its own problem already.
      if (found?.isDirectory()) problems.push(problem(file, 1, `${name}.yaml is a folder, not the data file`, `remove the folder, and put the file ${name}.yaml in its place`));
      else if (!found) problems.push(problem(file, 1, `the data file ${name}.yaml is missing`, `create it; see src/schema/data.ts for the fields it needs`));
      continue;
    }
    const { text, problem: unreadable } = readContentText(file);
    if (unreadable) {
      problems.push(unreadable);
      continue;
    }
    texts.set(file, text);
    const result = validateYaml(schema, text, file);
    append(problems, result.problems);
    if (result.ok) data[name] = result.value;
  }
  const inventoriesFile = path.join(dataFolder(contentDir), "inventories.yaml");
  if (data.inventories) append(problems, listedOnce(data.inventories as NonNullable<SiteData["inventories"]>, inventoriesFile, texts.get(inventoriesFile)!));
  const agenciesFile = path.join(dataFolder(contentDir), "agencies.yaml");
  if (data.agencies) append(problems, checkAgencies(data.agencies as NonNullable<SiteData["agencies"]>, agenciesFile, texts.get(agenciesFile)!));
  // The settings alone, when they are valid, still say which languages the pages are in while another file has mistakes.
  const settings = data.settings as SiteData["settings"] | undefined;
  return problems.length || incomplete ? { settings, problems, texts } : { data: data as SiteData, settings, problems, texts };
}

/** How deep offices may sit under the agency at the top: an org chart is a few levels, and the list nests one a level. */
export const maxAgencyDepth = 20;
/** How many misspelt parents are given a guess: each guess is weighed against every name in the file. */
const guessesGiven = 20;

/** Each agency listed once, under an agency that is listed, neither under itself nor too deep. */
function checkAgencies(agencies: NonNullable<SiteData["agencies"]>, file: string, text: string): Problem[] {
  const source = parseYaml(text);
  const at = (i: number, field: "name" | "parent") => source.position([i, field]);
  const problems: Problem[] = [];
  const firstOf = new Map<string, number>();
  agencies.forEach((agency, i) => {
    const first = firstOf.get(agency.name.toLowerCase());
    if (first === undefined) {
      firstOf.set(agency.name.toLowerCase(), i);
      return;
    }
    problems.push(problem(file, at(i, "name").line, `"${agency.name}" is listed twice (first on line ${at(first, "name").line})`, "keep one of them, with all its details", "error", at(i, "name").column));
  });
  const indexOf = new Map<string, number>();
  agencies.forEach((agency, i) => indexOf.has(agency.name) || indexOf.set(agency.name, i));
  let guesses = guessesGiven;
  agencies.forEach((agency, i) => {
    if (agency.parent === undefined || indexOf.has(agency.parent)) return;
    const guess = guesses-- > 0 ? didYouMean(agency.parent, [...indexOf.keys()]) : undefined;
    const { line, column } = at(i, "parent");
    problems.push(problem(file, line, `"${agency.name}" belongs to "${agency.parent}", which is not in this file`, guess ? `did you mean "${guess}"?` : "write the exact name of an agency listed here", "error", column));
  });
  /** A loop of agencies, each belonging to the next and the last to the first: said once, at the first in the file. */
  const loopProblem = (loop: string[]): Problem => {
    const first = loop.reduce((earliest, member) => Math.min(earliest, indexOf.get(member)!), Infinity);
    const start = loop.indexOf(agencies[first]!.name);
    const [head, ...rest] = [...loop.slice(start), ...loop.slice(0, start)];
    const { line, column } = at(first, "parent");
    const said = rest.length ? `"${head}" belongs to ${[...rest, head].map((member) => `"${member}"`).join(", which belongs to ")}` : `"${head}" belongs to itself`;
    return problem(file, line, `${said}: it is under itself`, "give one of them the agency it really belongs to, or none", "error", column);
  };

  // Each agency's level, from the top (0) down; a loop, and what is under it, never reaches the top.
  const depth = new Map<string, number>();
  for (const agency of agencies) {
    const chain = new Set<string>();
    let name: string | undefined = agency.name;
    while (name !== undefined && indexOf.has(name) && !depth.has(name) && !chain.has(name)) {
      chain.add(name);
      name = agencies[indexOf.get(name)!]!.parent;
    }
    if (name !== undefined && chain.has(name)) problems.push(loopProblem([...chain].slice([...chain].indexOf(name))));
    let level = name === undefined || !indexOf.has(name) ? -1 : (depth.get(name) ?? Infinity);
    for (const member of [...chain].reverse()) depth.set(member, (level += 1));
  }
  agencies.forEach((agency, i) => {
    if (depth.get(agency.name) !== maxAgencyDepth + 1 || indexOf.get(agency.name) !== i) return;
    const { line, column } = at(i, "parent");
    problems.push(problem(file, line, `"${agency.name}" is ${maxAgencyDepth + 1} levels under the agency at the top of its list, deeper than ${maxAgencyDepth}`, `list it under an agency higher up`, "error", column));
  });
  return problems;
}

/** Each inventory listed once: two entries with one file, or one acronym in any case, would publish one agency's pages twice. */
function listedOnce(inventories: NonNullable<SiteData["inventories"]>, file: string, text: string): Problem[] {
  const source = parseYaml(text);
  return (["file", "acronym"] as const).flatMap((field) => {
    const firstOf = new Map<string, number>();
    return inventories.flatMap((entry, i) => {
      const first = firstOf.get(entry[field].toLowerCase());
      if (first === undefined) {
        firstOf.set(entry[field].toLowerCase(), i);
        return [];
      }
      const { line, column } = source.position([i, field]);
      return [problem(file, line, `the ${field} "${entry[field]}" is listed twice (first on line ${source.position([first, field]).line})`, "list each agency's inventory once", "error", column)];
    });
  });
}
