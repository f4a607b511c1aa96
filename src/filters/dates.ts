/** Dates as Californians read them, in Pacific time so a commit late in the evening keeps its day. */
export function readableDate(date: Date, language = "en"): string {
  return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "America/Los_Angeles" }).format(date);
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(date: Date): string {
  return new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "America/Los_Angeles" }).format(date);
}
