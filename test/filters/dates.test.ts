import { describe, expect, it } from "vitest";
import { isoDate, readableDate } from "../../src/render/filters/dates.ts";

describe("dates", () => {
  it("reads as a Californian would write it", () => expect(readableDate(new Date("2025-07-14T18:30:00Z"))).toBe("July 14, 2025"));
  it("keeps a late-evening Pacific commit on its own day", () => {
    const evening = new Date("2025-07-15T04:30:00Z"); // 9:30 pm on July 14 in California
    expect(readableDate(evening)).toBe("July 14, 2025");
    expect(isoDate(evening)).toBe("2025-07-14");
  });
  it("reads a front matter date as that day", () => expect(readableDate("2025-06-30")).toBe("June 30, 2025"));
  it("follows the site's language", () => expect(readableDate(new Date("2025-07-14T18:30:00Z"), "es")).toBe("14 de julio de 2025"));
});
