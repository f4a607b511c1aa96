import { describe, expect, it } from "vitest";
import { addInterval, reviewStatus, siteDayMistake, today } from "../src/model/review.ts";
import { PlainError } from "../src/problems/problems.ts";

describe("addInterval", () => {
  it.each([
    ["2025-01-15", "6 months", "2025-07-15"],
    ["2025-08-31", "6 months", "2026-02-28"],
    ["2024-02-29", "1 year", "2025-02-28"],
    ["2025-12-20", "2 weeks", "2026-01-03"],
    ["2025-03-01", "90 days", "2025-05-30"],
  ])("%s + %s = %s", (date, interval, expected) => expect(addInterval(date, interval)).toBe(expected));
});

describe("reviewStatus", () => {
  const page = { owner: "Working Group", last_reviewed: "2025-01-15", review_every: "6 months" };
  it("is current before the due date", () => expect(reviewStatus(page, "2025-07-14")).toEqual({ owner: "Working Group", lastReviewed: "2025-01-15", due: "2025-07-15", overdue: false }));
  it("is still current on the due date", () => expect(reviewStatus(page, "2025-07-15")?.overdue).toBe(false));
  it("is overdue the day after", () => expect(reviewStatus(page, "2025-07-16")?.overdue).toBe(true));
  it("never falls due without an interval", () => expect(reviewStatus({ last_reviewed: "2020-01-01" }, "2026-01-01")).toEqual({ owner: undefined, lastReviewed: "2020-01-01", due: undefined, overdue: false }));
  it("is not overdue when the last review is on a day still to come, however far off", () => {
    expect(reviewStatus({ last_reviewed: "9999-12-31", review_every: "10 years" }, "2026-12-01")?.overdue).toBe(false);
  });
  it("is absent for a page never reviewed", () => expect(reviewStatus({ owner: "x" }, "2026-01-01")).toBeUndefined());
});

describe("today", () => {
  it("can be set for a build", () => expect(today({ SITE_TODAY: "2030-05-01" })).toBe("2030-05-01"));
  it("is a calendar date", () => expect(today({})).toMatch(/^\d{4}-\d{2}-\d{2}$/));
  it("is refused when set to anything but a day of the calendar", () => {
    for (const day of ["tomorrow", "2026-13-01", "2026-02-29", "26-01-01", "2026-1-1"]) expect(siteDayMistake(day)).toContain(`SITE_TODAY is "${day}", which is not a day`);
    expect(siteDayMistake("2028-02-29")).toBeUndefined();
    expect(() => today({ SITE_TODAY: "tomorrow" })).toThrow('SITE_TODAY is "tomorrow", which is not a day');
    // Eleventy's own command line, which reads the day through the config, prints such an error's words and no stack trace.
    expect(() => today({ SITE_TODAY: "tomorrow" })).toThrow(PlainError);
  });
});
