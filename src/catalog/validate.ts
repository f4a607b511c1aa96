import { createRequire } from "node:module";
import type { ErrorObject } from "ajv";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { formatPath } from "../problems/error-map.ts";
import { problem, type Problem, type Severity } from "../problems/problems.ts";
import { today } from "../model/review.ts";
import { parseYaml, type YamlSource } from "../model/yaml-source.ts";

/** The code.gov metadata schema 2.0.0, as GSA published it. */
export const codeGovSchema = createRequire(import.meta.url)("../schema/code-gov-2.0.0.json") as object;

// ajv-draft-04 and ajv-formats are CommonJS: under NodeNext their default export is the module object.
const AjvDraft04 = Ajv.default;
const withFormats = addFormats.default;
const ajv = new AjvDraft04({ allErrors: true, strict: false });
withFormats(ajv);
const validateSchema = ajv.compile(codeGovSchema);

export interface Release {
  name: string;
  description: string;
  organization?: string;
  repositoryURL: string;
  homepageURL?: string;
  status?: string;
  languages?: string[];
  tags: string[];
  laborHours: number;
  permissions: { licenses: { name?: string; URL?: string }[]; usageType: string };
  contact: { email: string; name?: string };
  date?: { created?: string; lastModified?: string; metadataLastUpdated?: string };
  [field: string]: unknown;
}

export interface Inventory {
  version: string;
  agency: string;
  measurementType: { method: string; ifOther?: string };
  releases: Release[];
  [field: string]: unknown;
}

export interface InventoryCheck {
  /** The inventory as the agency wrote it, when it could be read at all. */
  inventory?: Inventory;
  problems: Problem[];
  /** Whether the inventory as a whole matches the schema. */
  valid: boolean;
  /** Whether everything outside its releases matches the schema (version, agency, measurement type). */
  validOutsideReleases: boolean;
  /** The positions of releases that do not match the schema. */
  invalidReleases: Set<number>;
}

/** Where JSON.parse gave up, as a line and column ("… in JSON at position 35"). */
function jsonErrorPlace(json: string, error: unknown): { line: number; column: number; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  const position = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
  const before = json.slice(0, position).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1, message: message.replace(/ in JSON at position \d+.*$/, "") };
}

const typeWords: Record<string, string> = { number: "a number", integer: "a whole number", string: "text", array: "a list", object: "a group of fields", boolean: "true or false" };

const describeValue = (value: unknown) => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), data);
}

function pathOf(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** One schema error in words a code coordinator can act on. */
function explain(error: ErrorObject, data: unknown): { path: (string | number)[]; message: string; fix: string } {
  const path = pathOf(error);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const field = String(params.missingProperty);
      return { path: [...path, field], message: "is missing", fix: `add "${field}"` };
    }
    case "additionalProperties":
      return { path: [...path, String(params.additionalProperty)], message: "is not a field of the code.gov schema", fix: "remove it, or check its spelling" };
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      return { path, message: `${describeValue(value)} is not one of ${allowed.join(", ")}`, fix: `use one of the values listed (the case matters)` };
    }
    case "format": {
      const what = params.format === "uri" ? "a full web address (https://…)" : params.format === "date" ? "a real date written YYYY-MM-DD" : `a valid ${String(params.format)}`;
      const fix = params.format === "uri" ? "write the whole address, or leave the field out if there is none" : params.format === "date" ? "write the date like 2025-06-30" : `write ${what}`;
      return { path, message: `${describeValue(value)} is not ${what}`, fix };
    }
    case "type": {
      const wanted = typeWords[String(params.type)] ?? String(params.type);
      return { path, message: `${describeValue(value)} should be ${wanted}`, fix: `write ${wanted} here` };
    }
    default:
      return { path, message: error.message ?? "does not match the schema", fix: "compare it with the code.gov schema 2.0.0" };
  }
}

/** What the schema lets through but a reader would trip on. */
function readerFaults(inventory: Inventory, on: string): { path: (string | number)[]; message: string; fix: string }[] {
  const faults: { path: (string | number)[]; message: string; fix: string }[] = [];
  (Array.isArray(inventory.releases) ? inventory.releases : []).forEach((release, i) => {
    if (release?.contact && typeof release.contact.email === "string" && !release.contact.email.trim()) {
      faults.push({ path: ["releases", i, "contact", "email"], message: "is empty", fix: "give an address people can write to about this project" });
    }
    (release?.permissions?.licenses ?? []).forEach((license, j) => {
      if (typeof license?.URL === "string" && license.URL.trim().toLowerCase() === "none") {
        faults.push({ path: ["releases", i, "permissions", "licenses", j, "URL"], message: '"none" is not a license', fix: "give the license's web address, or leave out licenses the project does not have" });
      }
    });
    if (Array.isArray(release?.tags) && (release.tags.length === 0 || release.tags.every((tag) => !String(tag).trim()))) {
      faults.push({ path: ["releases", i, "tags"], message: "has no tags", fix: "add a few words people would search for" });
    }
    if (release?.laborHours === 0) faults.push({ path: ["releases", i, "laborHours"], message: "is 0", fix: "give the hours spent building the project, even roughly" });
    for (const field of ["created", "lastModified", "metadataLastUpdated"] as const) {
      const date = release?.date?.[field];
      if (typeof date === "string" && date > on) faults.push({ path: ["releases", i, "date", field], message: `${date} is in the future`, fix: "give the date it really happened" });
    }
  });
  return faults;
}

/**
 * Checks an inventory against the full code.gov schema 2.0.0 (draft-04, with formats) and for faults a reader
 * would trip on, each problem named by file, line and JSON path. `schemaSeverity` is "error" for a coordinator
 * checking their own file, and "warning" in the site's build, which publishes an inventory with its faults shown.
 */
export function checkInventory(file: string, text: string, options: { schemaSeverity?: Severity; today?: string } = {}): InventoryCheck {
  const { schemaSeverity = "error", today: on = today() } = options;
  const json = text.replace(/^\uFEFF/, "");
  let source: YamlSource;
  try {
    JSON.parse(json);
    source = parseYaml(json); // JSON is YAML: this reading knows the line of every field
  } catch (error) {
    const { line, column, message } = jsonErrorPlace(json, error);
    return { problems: [problem(file, line, `the file is not valid JSON: ${message}`, "check the commas, quotes and brackets near this line", "error", column)], valid: false, validOutsideReleases: false, invalidReleases: new Set() };
  }
  const data = source.value;
  const report = (path: (string | number)[], message: string, fix: string, severity: Severity) => {
    const { line } = source.position(path, "key");
    return problem(file, line, `${formatPath(path) || "(the whole file)"}: ${message}`, fix, severity);
  };
  const valid = validateSchema(data) as boolean;
  const invalidReleases = new Set<number>();
  let validOutsideReleases = true;
  const problems: Problem[] = [];
  for (const error of validateSchema.errors ?? []) {
    const explained = explain(error, data);
    if (explained.path[0] === "releases" && typeof explained.path[1] === "number") invalidReleases.add(explained.path[1]);
    else validOutsideReleases = false;
    problems.push(report(explained.path, explained.message, explained.fix, schemaSeverity));
  }
  const inventory = data !== null && typeof data === "object" ? (data as Inventory) : undefined;
  // A field the schema already refuses needs no second message.
  const refused = new Set(problems.map((p) => p.message.split(":")[0]));
  if (inventory) {
    for (const fault of readerFaults(inventory, on)) if (!refused.has(formatPath(fault.path))) problems.push(report(fault.path, fault.message, fault.fix, "warning"));
  }
  return { inventory, problems: problems.sort((a, b) => a.line - b.line), valid, validOutsideReleases, invalidReleases };
}
