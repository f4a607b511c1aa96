import { describe, expect, it } from "vitest";
import { breadcrumbs } from "../../src/render/filters/breadcrumbs.ts";

const pages = new Map([
  ["/", "Code California"],
  ["/working-group/", "Working Group"],
  ["/working-group/coordinators/", "Code coordinators"],
]);

describe("breadcrumbs", () => {
  it("lists the pages above a page, from Home down", () => {
    expect(breadcrumbs("/working-group/coordinators/", pages)).toEqual([
      { title: "Home", url: "/" },
      { title: "Working Group", url: "/working-group/" },
    ]);
  });
  it("gives a top-level page just Home", () => expect(breadcrumbs("/about/", pages)).toEqual([{ title: "Home", url: "/" }]));
  it("gives the home page none", () => expect(breadcrumbs("/", pages)).toEqual([]));
  it("skips folders that have no page of their own", () => {
    expect(breadcrumbs("/guides/publishing/", pages)).toEqual([{ title: "Home", url: "/" }]);
  });
});

describe("breadcrumbs in a translation", () => {
  const spanish = new Map([["/es/", "Code California"], ["/es/working-group/", "Grupo de Trabajo"]]);
  it("start from the language's home page, in its words", () => {
    expect(breadcrumbs("/es/working-group/coordinators/", spanish, "/es/", "Inicio")).toEqual([
      { title: "Inicio", url: "/es/" },
      { title: "Grupo de Trabajo", url: "/es/working-group/" },
    ]);
  });
  it("give the language's home page none", () => expect(breadcrumbs("/es/", spanish, "/es/", "Inicio")).toEqual([]));
});
