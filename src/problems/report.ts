import { formatAnnotation, formatProblem, groupedProblem, groupProblems, summarize, type Problem } from "./problems.ts";

/** A kind of problem seen this often in one file is printed once, with its lines, not once a line. */
const groupedFrom = 3;

/**
 * Prints problems for a person (and, on GitHub Actions, as annotations on the pull request); returns the exit code.
 * An inventory with the same fault in every release says so on one line, not on hundreds.
 */
export function report(problems: readonly Problem[], out: (line: string) => void = console.error, env = process.env): number {
  const order = { error: 0, warning: 1, note: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
  const groupOf = new Map(groupProblems(sorted).flatMap((group) => group.problems.map((p) => [p, group] as const)));
  // A group stands where its first problem would; its other problems are in it.
  const shown = sorted.flatMap((p) => {
    const group = groupOf.get(p)!;
    if (group.count < groupedFrom) return [p];
    return group.problems[0] === p ? [groupedProblem(group)] : [];
  });
  for (const p of shown) out(formatProblem(p));
  if (env.GITHUB_ACTIONS === "true") for (const p of shown) out(formatAnnotation(p));
  if (problems.length) out(summarize(problems));
  return problems.some((p) => p.severity === "error") ? 1 : 0;
}
