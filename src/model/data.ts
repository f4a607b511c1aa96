import { readFileSync } from "node:fs";
import path from "node:path";
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
  for (const [name, schema] of Object.entries(dataSchemas) as [keyof SiteData, (typeof dataSchemas)[keyof SiteData]][]) {
    const file = path.join(dataFolder(contentDir), `${name}.yaml`);
    if (!accepted.has(file)) {
      if (!(name in requiredDataSchemas)) continue;
      problems.push(problem(file, 1, `the data file ${name}.yaml is missing`, `create it; see src/schema/data.ts for the fields it needs`));
      continue;
    }
    const text = readFileSync(file, "utf8");
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
  return problems.length ? { settings, problems, texts } : { data: data as SiteData, settings, problems, texts };
}

/** Each agency listed once, and each office under an agency that is listed. */
function checkAgencies(agencies: NonNullable<SiteData["agencies"]>, file: string, text: string): Problem[] {
  const names = agencies.map((a) => a.name);
  const source = parseYaml(text);
  const twice = agencies.flatMap((agency, i) => {
    const first = names.findIndex((name) => name.toLowerCase() === agency.name.toLowerCase());
    if (first === i) return [];
    const { line, column } = source.position([i, "name"]);
    return [problem(file, line, `"${agency.name}" is listed twice (first on line ${source.position([first, "name"]).line})`, "keep one of them, with all its details", "error", column)];
  });
  return twice.concat(agencies.flatMap((agency, i) => {
    if (agency.parent === undefined || names.includes(agency.parent)) return [];
    const guess = didYouMean(agency.parent, names);
    const { line, column } = source.position([i, "parent"]);
    return [
      problem(file, line, `"${agency.name}" belongs to "${agency.parent}", which is not in this file`, guess ? `did you mean "${guess}"?` : "write the exact name of an agency listed here", "error", column),
    ];
  }));
}

/** Each inventory listed once: two entries with one file, or one acronym in any case, would publish one agency's pages twice. */
function listedOnce(inventories: NonNullable<SiteData["inventories"]>, file: string, text: string): Problem[] {
  const source = parseYaml(text);
  return (["file", "acronym"] as const).flatMap((field) =>
    inventories.flatMap((entry, i) => {
      const first = inventories.findIndex((other) => other[field].toLowerCase() === entry[field].toLowerCase());
      if (first === i) return [];
      const { line, column } = source.position([i, field]);
      return [problem(file, line, `the ${field} "${entry[field]}" is listed twice (first on line ${source.position([first, field]).line})`, "list each agency's inventory once", "error", column)];
    }),
  );
}
