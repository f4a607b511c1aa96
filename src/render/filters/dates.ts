const pacific = "America/Los_Angeles";

/** A calendar date (YYYY-MM-DD, as front matter has it) means that day; noon UTC is that day in California too. */
const toDate = (date: Date | string) => (typeof date === "string" ? new Date(`${date}T12:00:00Z`) : date);

// Building an Intl.DateTimeFormat costs far more than using one, and every page formats dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language} ${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new Intl.DateTimeFormat(language, { ...options, timeZone: pacific })));
  return found;
}

/** Dates as Californians read them, in Pacific time so a commit late in the evening keeps its day. */
export function readableDate(date: Date | string, language = "en"): string {
  return formatter(language, { dateStyle: "long" }).format(toDate(date));
}

/** The machine-readable form for `<time datetime>`. */
export function isoDate(date: Date | string): string {
  return formatter("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" }).format(toDate(date));
}
