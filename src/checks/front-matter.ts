import { problem, type Problem } from "../problems/problems.ts";
import { placeholderDescription } from "../schema/page.ts";
import { fieldLine, type PageSource } from "./page-source.ts";

const curlyQuoted = /^[“‘„«](.*)[”’“»]$/s;

/** Front matter the schema accepts but a reader would trip on: curly quotes shown around a title, a placeholder left in. */
export function checkFrontMatterValues(page: PageSource): Problem[] {
  const data = page.data;
  if (!data) return [];
  const problems: Problem[] = [];
  for (const field of ["title", "description"] as const) {
    const inner = curlyQuoted.exec(data[field])?.[1];
    if (inner === undefined) continue;
    const quoted = /:\s/.test(inner) ? `"${inner.replace(/"/g, '\\"')}"` : inner;
    problems.push(
      problem(page.file, fieldLine(page, field), `the ${field} is wrapped in curly quotes, which YAML keeps, so readers would see them`, `remove them: ${field}: ${quoted}`, "warning"),
    );
  }
  if (data.description === placeholderDescription) {
    problems.push(problem(page.file, fieldLine(page, "description"), "the description is still the one npm run new wrote", "say in one or two sentences what this page is for", "warning"));
  }
  return problems;
}
