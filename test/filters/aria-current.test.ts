import { describe, expect, it } from "vitest";
import { ariaCurrent } from "../../src/render/filters/aria-current.ts";

describe("ariaCurrent", () => {
  it("marks the item of the page being read", () => expect(ariaCurrent("/about/", "/about/")).toBe("page"));
  it("marks a section's item on the pages inside it", () => expect(ariaCurrent("/working-group/", "/working-group/coordinators/")).toBe("true"));
  it("never marks Home merely because every page is under /", () => expect(ariaCurrent("/", "/about/")).toBe(""));
  it("leaves unrelated items alone", () => expect(ariaCurrent("/values/", "/about/")).toBe(""));
});

describe("ariaCurrent in a translation", () => {
  it("never marks the language's home page merely because its pages are under it", () => expect(ariaCurrent("/es/", "/es/about/", "/es/")).toBe(""));
  it("marks the language's home page on itself", () => expect(ariaCurrent("/es/", "/es/", "/es/")).toBe("page"));
});
