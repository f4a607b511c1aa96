import { describe, expect, it } from "vitest";
import { section } from "../../src/render/filters/section.ts";

const menu = [
  { text: "Home", url: "/" },
  { text: "Working Group", url: "/working-group/" },
  { text: "Coordinators", url: "/working-group/coordinators/" },
];

describe("section", () => {
  it("is the menu item a page sits under", () => expect(section("/working-group/", menu)).toBe("Working Group"));
  it("prefers the deepest menu item", () => expect(section("/working-group/coordinators/cdt/", menu)).toBe("Coordinators"));
  it("calls the home page by its menu name", () => expect(section("/", menu)).toBe("Home"));
  it("groups pages outside the menu as site information", () => expect(section("/privacy-policy/", menu)).toBe("Site information"));
});

describe("sectionNames", () => {
  it("lists each section that has a page once, sorted", async () => {
    const { sectionNames } = await import("../../src/render/filters/section-names.ts");
    expect(sectionNames(["/", "/working-group/", "/working-group/coordinators/cdt/", "/privacy-policy/", "/accessibility/"], menu)).toEqual([
      "Coordinators",
      "Home",
      "Site information",
      "Working Group",
    ]);
  });
});

describe("section in a translation", () => {
  const spanishMenu = [
    { text: "Inicio", url: "/es/" },
    { text: "Grupo de Trabajo", url: "/es/working-group/" },
  ];
  it("is named in the page's language", () => expect(section("/es/working-group/", spanishMenu, "/es/")).toBe("Grupo de Trabajo"));
  it("calls the language's home page by its menu name", () => expect(section("/es/", spanishMenu, "/es/")).toBe("Inicio"));
  it("names pages outside the menu in the page's language", () => expect(section("/es/privacy-policy/", spanishMenu, "/es/", "Información del sitio")).toBe("Información del sitio"));
  it("groups a home page the menu leaves out with them, in the page's language", () => expect(section("/es/", spanishMenu.slice(1), "/es/", "Información del sitio")).toBe("Información del sitio"));
});
