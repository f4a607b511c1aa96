import { describe, expect, it } from "vitest";
import type { ReadPage } from "../src/model/pages.ts";
import { aheadLimit, pagesToRenderAhead } from "../src/preview/ahead.ts";

const page = (file: string, text: string): ReadPage => ({ file, text, url: `/${file.replace(/\.md$/, "")}/` });
const site = (...pages: ReadPage[]) => ({ pages });

describe("the pages a save renders ahead of the rest of the site", () => {
  it("are those whose text changed and those new, not those untouched or gone", () => {
    const before = site(page("about.md", "About"), page("values.md", "Values"), page("old.md", "Old"));
    const after = site(page("about.md", "About, edited"), page("values.md", "Values"), page("new.md", "New"));
    expect(pagesToRenderAhead(before, after)).toEqual(new Set(["about.md", "new.md"]));
  });

  it(`are none when more than ${aheadLimit} changed at once, as a switched branch does: the whole site is built instead`, () => {
    const many = (text: string) => site(...Array.from({ length: aheadLimit + 1 }, (_, i) => page(`page-${i}.md`, text)));
    expect(pagesToRenderAhead(many("before"), many("after")).size).toBe(0);
    expect(pagesToRenderAhead(many("before"), site(...many("after").pages.slice(0, aheadLimit))).size).toBe(aheadLimit);
  });
});
