import { PlainError } from "../problems/problems.ts";
import { reviewIntervalPattern, type PageFrontMatter } from "../schema/page.ts";

export interface ReviewStatus {
  owner?: string;
  lastReviewed: string;
  /** The day the next review is due (YYYY-MM-DD), when the page says how often it is reviewed. */
  due?: string;
  overdue: boolean;
}

/** Today in California, as YYYY-MM-DD; SITE_TODAY sets another day (for tests, or to preview a date). */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  if (!env.SITE_TODAY) return dayInCalifornia(new Date());
  const mistake = siteDayMistake(env.SITE_TODAY);
  if (mistake) throw new PlainError(mistake);
  return env.SITE_TODAY;
}

/** What is wrong with a day given in SITE_TODAY, if anything: the commands say so before they start. */
export function siteDayMistake(day: string | undefined): string | undefined {
  if (!day) return undefined;
  const [year, month, date] = day.split("-").map(Number);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(day) && new Date(Date.UTC(year!, month! - 1, date!)).toISOString().slice(0, 10) === day;
  return real ? undefined : `SITE_TODAY is "${day}", which is not a day — give a day as YYYY-MM-DD, such as ${dayInCalifornia(new Date())}, or leave it unset for today`;
}

const californiaDays = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Los_Angeles", year: "numeric", month: "2-digit", day: "2-digit" });

/** The day a moment falls on in California, as YYYY-MM-DD: a commit late in the evening keeps its day. */
export const dayInCalifornia = (moment: Date): string => californiaDays.format(moment);

/** A calendar date plus an interval such as "6 months"; the 31st plus a month is the last day of the next month. */
export function addInterval(date: string, interval: string): string {
  const [, amount, unit] = reviewIntervalPattern.exec(interval)!;
  const n = Number(amount);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  if (unit === "day" || unit === "week") {
    const result = new Date(Date.UTC(year, month - 1, day + n * (unit === "week" ? 7 : 1)));
    return result.toISOString().slice(0, 10);
  }
  const months = month - 1 + n * (unit === "year" ? 12 : 1);
  const lastDay = new Date(Date.UTC(year, months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Where a page stands in its review cycle on a given day; undefined for a page that has never been reviewed. */
export function reviewStatus(data: Pick<PageFrontMatter, "owner" | "last_reviewed" | "review_every">, on: string): ReviewStatus | undefined {
  if (!data.last_reviewed) return undefined;
  const due = data.review_every ? addInterval(data.last_reviewed, data.review_every) : undefined;
  // A review on a day still to come (a mistyped year, which the checks name) is not yet due, however far off.
  return { owner: data.owner, lastReviewed: data.last_reviewed, due, overdue: due !== undefined && data.last_reviewed <= on && due < on };
}
