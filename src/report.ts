import { formatAnnotation, formatProblem, summarize, type Problem } from "./problems.ts";

/** Prints problems for a person (and, on GitHub Actions, as annotations on the pull request); returns the exit code. */
export function report(problems: readonly Problem[], out: (line: string) => void = console.error, env = process.env): number {
  const order = { error: 0, warning: 1, note: 2 } as const;
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity] || a.file.localeCompare(b.file) || a.line - b.line);
  for (const p of sorted) out(formatProblem(p));
  if (env.GITHUB_ACTIONS === "true") for (const p of sorted) out(formatAnnotation(p));
  if (problems.length) out(summarize(problems));
  return problems.some((p) => p.severity === "error") ? 1 : 0;
}
