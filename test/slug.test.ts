import { describe, expect, it } from "vitest";
import { slugify } from "../src/model/slug.ts";

describe("slugify", () => {
  it.each([
    ["Code coordinators", "code-coordinators"],
    ["What we strive for", "what-we-strive-for"],
    ["Users & members", "users-members"],
    ["Qué es código abierto?", "que-es-codigo-abierto"],
    ["  Technology Letter 18-02  ", "technology-letter-18-02"],
    ["The `code.json` file", "the-code-json-file"],
  ])("%s → %s", (heading, id) => expect(slugify(heading)).toBe(id));
});
