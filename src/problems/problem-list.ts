import { formatProblem, type Problem } from "./problems.ts";
import { escapeHtml } from "../model/escape-html.ts";

/** Problems as a box of HTML for the preview, each at its file and line: `heading` is already HTML. */
export function problemListHtml(heading: string, problems: readonly Problem[]): string {
  const items = problems.map((p) => `<li><code>${escapeHtml(formatProblem(p))}</code></li>`).join("");
  return `<div class="preview-problems" role="alert">${heading}<ul>${items}</ul></div>`;
}
