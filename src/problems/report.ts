import { formatAnnotation, formatProblem, groupedProblem, groupProblems, printable, summarize, type Problem } from "./problems.ts";

/** What a change touches: each file, as displayed, with its changed lines, or every line of a file it adds. */
export type ChangedLines = ReadonlyMap<string, ReadonlySet<number> | "every line">;

/** A kind of problem seen this often in one file is printed once, with its lines, not once a line. */
const groupedFrom = 3;

/**
 * Prints problems for a person (and, on GitHub Actions, as annotations on the pull request); returns the exit code.
 * An inventory with the same fault in every release says so on one line, not on hundreds. Given what a change
 * touches (`changed`, by file as displayed), every error is still printed, but the warnings and notes of other files
 * are one line a file: an editor sees their own problems first. A pull request's diff is annotated with every error,
 * and with the warnings and notes on the lines it changes.
 */
export function report(problems: readonly Problem[], out: (line: string) => void = console.error, env = process.env, changed?: ChangedLines): number {
  const order = { error: 0, warning: 1, note: 2 } as const;
  const inFocus = (p: Problem) => !changed || changed.has(p.file) || p.severity === "error";
  const elsewhere = problems.filter((p) => !inFocus(p));
  const sorted = problems.filter(inFocus).sort((a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  const groupOf = new Map(groupProblems(sorted).flatMap((group) => group.problems.map((p) => [p, group] as const)));
  // A group stands where its first problem would; its other problems are in it.
  const shown = sorted.flatMap((p) => {
    const group = groupOf.get(p)!;
    if (group.count < groupedFrom) return [p];
    return group.problems[0] === p ? [groupedProblem(group)] : [];
  });
  for (const p of shown) out(formatProblem(p));
  // Notes on untouched files (each page's reading grade) are only counted; their warnings get a line a file.
  for (const [file, count] of countByFile(elsewhere.filter((p) => p.severity === "warning"))) out(`${printable(file)}: ${count} in a file this change does not touch — npm run check -- --all lists them`);
  const onChangedLine = (p: Problem) => {
    const lines = changed?.get(p.file);
    return lines === "every line" || (lines !== undefined && lines.has(p.line));
  };
  if (env.GITHUB_ACTIONS === "true") for (const p of shown) if (!changed || p.severity === "error" || onChangedLine(p)) out(formatAnnotation(p));
  if (problems.length) out(summarize(problems));
  return problems.some((p) => p.severity === "error") ? 1 : 0;
}

/** How many warnings each file has, "3 warnings", in file order. */
function countByFile(warnings: readonly Problem[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const p of warnings) counts.set(p.file, (counts.get(p.file) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => a.localeCompare(b)).map(([file, n]) => [file, `${n} warning${n === 1 ? "" : "s"}`]));
}
