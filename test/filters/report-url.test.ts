import { describe, expect, it } from "vitest";
import { reportProblemUrl } from "../../src/render/filters/report-url.ts";

describe("reportProblemUrl", () => {
  it("opens a new issue with the page's title and address filled in", () => {
    const url = new URL(reportProblemUrl("Working Group", "https://code.ca.gov/working-group/", "https://github.com/cagov/code.ca.gov/"));
    expect(`${url.origin}${url.pathname}`).toBe("https://github.com/cagov/code.ca.gov/issues/new");
    expect(url.searchParams.get("title")).toBe("Problem with the page “Working Group”");
    expect(url.searchParams.get("body")).toBe("Page: https://code.ca.gov/working-group/\n\nWhat is wrong or missing:\n\n");
  });
});
