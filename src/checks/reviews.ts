import { problem, type Problem } from "../problems/problems.ts";
import { reviewStatus } from "../model/review.ts";
import { fieldLine, type PageText } from "./page-source.ts";

/** No page of this site was reviewed before the web: an earlier year is a slip of the keyboard (0225 for 2025). */
const earliestReview = "1990-01-01";

/** Pages past their review date: warnings, or errors with `--strict`. */
export function checkReviews(page: PageText, on: string, strict: boolean): Problem[] {
  const data = page.data;
  if (!data || data.draft) return [];
  if (data.review_every && !data.last_reviewed) {
    return [problem(page.file, fieldLine(page, "review_every"), "review_every needs last_reviewed, the day the page was last checked", "add last_reviewed: with the date of the last review, such as 2025-06-30")];
  }
  if (data.last_reviewed && data.last_reviewed > on) {
    return [problem(page.file, fieldLine(page, "last_reviewed"), `last_reviewed is ${data.last_reviewed}, a day still to come`, `give the day the page was really last checked, such as ${on}`, "warning")];
  }
  if (data.last_reviewed && data.last_reviewed < earliestReview) {
    return [problem(page.file, fieldLine(page, "last_reviewed"), `last_reviewed is ${data.last_reviewed}, long before this site existed`, `give the day the page was really last checked, such as ${on}`)];
  }
  const status = reviewStatus(data, on);
  if (!status?.overdue) return [];
  return [
    problem(
      page.file,
      fieldLine(page, "last_reviewed"),
      `this page was due for review on ${status.due}${status.owner ? ` by ${status.owner}` : ""} (last reviewed ${status.lastReviewed}, every ${data.review_every})`,
      "check that the page is still right, then set last_reviewed to today's date",
      strict ? "error" : "warning",
    ),
  ];
}
