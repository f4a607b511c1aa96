const pacific = "America/Los_Angeles";

/** A calendar date (YYYY-MM-DD, as front matter has it) means that day; noon UTC is that day in California too. */
const toDate = (date: Date | string) => (typeof date === "string" ? new Date(`${date}T12:00:00Z`) : date);

/** Dates as Californians read them, in Pacific time so a commit late in the evening keeps its day. */
export function readableDate(date: Date | string, language = "en"): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: pacific }).format(toDate(date));
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(date: Date | string): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: pacific }).format(toDate(date));
}
