import { z } from "zod";
import { pageSchema } from "./page.ts";

const markers = { start: "<!-- front-matter-reference:start -->", end: "<!-- front-matter-reference:end -->" };

function typeName(schema: z.ZodType): string {
  const def = (schema as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> } }).def;
  switch (def.type) {
    case "optional":
    case "default":
      return typeName(def.innerType!);
    case "string":
      return (schema as z.ZodString).format === "date" ? "date (YYYY-MM-DD)" : "text";
    case "number":
      return "whole number";
    case "boolean":
      return "true or false";
    case "enum":
      return `one of ${Object.values(def.entries!).map((v) => `\`${v}\``).join(", ")}`;
    case "array":
      return `list of ${typeName(def.element!)}`;
    default:
      return def.type;
  }
}

/** The front matter reference, field by field, made from the page schema so it cannot drift from it. */
export function frontMatterReference(): string {
  const rows = Object.entries(pageSchema.shape).map(([name, field]) => {
    const schema = field as z.ZodType;
    const def = (schema as unknown as { def: { type: string; defaultValue?: unknown } }).def;
    const required = !schema.safeParse(undefined).success;
    const fallback = def.type === "default" ? `\`${String(def.defaultValue)}\`` : "";
    return `| \`${name}\` | ${typeName(schema)} | ${required ? "yes" : "no"} | ${fallback} | ${schema.description ?? ""} |`;
  });
  return [markers.start, "| field | type | required | default | what it does |", "| --- | --- | --- | --- | --- |", ...rows, markers.end].join("\n");
}

/** Puts a fresh reference between the markers of a document (CONTRIBUTING.md). */
export function withReference(document: string): string {
  const start = document.indexOf(markers.start);
  const end = document.indexOf(markers.end);
  if (start < 0 || end < 0) throw new Error(`the document needs the markers ${markers.start} and ${markers.end}`);
  return document.slice(0, start) + frontMatterReference() + document.slice(end + markers.end.length);
}
