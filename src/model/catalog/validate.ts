import { createRequire } from "node:module";
import type { ErrorObject } from "ajv";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { describeField } from "../../problems/error-map.ts";
import { problem, type Problem, type Severity } from "../../problems/problems.ts";
import { codePoint, firstHidden, hiddenName } from "../../problems/hidden-characters.ts";
import { isOwnComputer, privateHost } from "../../schema/private-addresses.ts";
import { today } from "../review.ts";
import { placeIn } from "../text-places.ts";
import { decodeInventory, jsonFault } from "./inventory-text.ts";
import { parseJsonWithPlaces } from "./json-source.ts";
import { dateOf, fieldsOf, isFields, isWebAddress, listOf, textOf } from "./read.ts";

/** The code.gov metadata schema 2.0.0, as GSA published it. */
export const codeGovSchema = createRequire(import.meta.url)("../../schema/code-gov-2.0.0.json") as object;

// ajv-draft-04 and ajv-formats are CommonJS: under NodeNext their default export is the module object.
const AjvDraft04 = Ajv.default;
const withFormats = addFormats.default;
// Not strict about the schema as GSA wrote it, but about numbers: 1e400 is read as Infinity, which JSON cannot write back.
const ajv = new AjvDraft04({ allErrors: true, strict: false, strictNumbers: true });
withFormats(ajv);
// The schema's addresses are checked as the site uses them, linked and republished: a web address, not any URI
// ("javascript:alert(1)" is one). A release with another is left out of the combined code.json, as any release
// that does not match the schema is: dropping the field would republish the agency's entry changed, unsaid.
ajv.addFormat("uri", isWebAddress);
const validateSchema = ajv.compile(codeGovSchema);

/** A release that matches the schema. */
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

/** An inventory that matches the schema. */
export interface Inventory {
  version: string;
  agency: string;
  measurementType: { method: string; ifOther?: string };
  releases: Release[];
  [field: string]: unknown;
}

export interface InventoryCheck {
  /** The inventory as the agency wrote it, when it could be read at all: any JSON, to be read through ./read.ts. */
  inventory?: unknown;
  problems: Problem[];
  /** Whether the inventory as a whole matches the schema. */
  valid: boolean;
  /** Whether everything outside its releases matches the schema (version, agency, measurement type). */
  validOutsideReleases: boolean;
  /** The positions of releases that do not match the schema. */
  invalidReleases: Set<number>;
}

const typeWords: Record<string, string> = { number: "a number", integer: "a whole number", string: "text", array: "a list", object: "a group of fields", boolean: "true or false", null: "null" };

/** A value as a message shows it: a list or a group of fields by what it is, anything else as written, cut short. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (isFields(value)) return "a group of fields";
  // As JSON, so a control character or a quote in text is shown rather than acted on.
  const written = String(JSON.stringify(value));
  return written.length > 60 ? `${written.slice(0, 58)}…${written.startsWith('"') ? '"' : ""}` : written;
}

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

interface Fault {
  path: (string | number)[];
  message: string;
  fix: string;
}

/** One schema error in words a code coordinator can act on. */
function explain(error: ErrorObject, data: unknown): Fault {
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
      const what = params.format === "uri" ? "a web address starting with https://" : params.format === "date" ? "a real date written YYYY-MM-DD" : `a valid ${String(params.format)}`;
      const fix = params.format === "uri" ? "write the whole address, starting with https://, or leave the field out if there is none" : params.format === "date" ? "write the date like 2025-06-30" : `write ${what}`;
      return { path, message: `${describeValue(value)} is not ${what}`, fix };
    }
    case "type": {
      // 1e400 is read as Infinity, which strictNumbers refuses.
      if (typeof value === "number" && !Number.isFinite(value)) return { path, message: "is a number too large to be read", fix: "write the number as it is, such as 1200" };
      // A field may allow more than one type ("licenses": a list or null).
      const wanted = String(params.type)
        .split(",")
        .map((type) => typeWords[type] ?? type);
      return { path, message: `${describeValue(value)} should be ${wanted.join(" or ")}`, fix: `write ${wanted[0]} here` };
    }
    default:
      return { path, message: error.message ?? "does not match the schema", fix: "compare it with the code.gov schema 2.0.0" };
  }
}

/** The first text in a value, in document order, in which `find` finds something, with its path: found without recursion. */
function firstFoundInText<T>(value: unknown, path: (string | number)[], find: (text: string) => T | undefined): { path: (string | number)[]; found: T } | undefined {
  // Each place knows its parent, so a path is made only for the text found.
  type Place = { item: unknown; key?: string | number; parent?: Place };
  const waiting: Place[] = [{ item: value }];
  for (let place = waiting.pop(); place; place = waiting.pop()) {
    const { item } = place;
    const found = typeof item === "string" ? find(item) : undefined;
    if (found !== undefined) {
      const keys: (string | number)[] = [];
      for (let at: Place | undefined = place; at?.key !== undefined; at = at.parent) keys.unshift(at.key);
      return { path: [...path, ...keys], found };
    }
    if (item === null || typeof item !== "object") continue;
    const entries = Object.entries(item);
    for (let j = entries.length - 1; j >= 0; j--) waiting.push({ item: entries[j]![1], key: Array.isArray(item) ? Number(entries[j]![0]) : entries[j]![0], parent: place });
  }
  return undefined;
}

/** A release's web addresses, each with its place in the release: those the code.gov schema gives as URIs. */
function releaseAddresses(release: Record<string, unknown>): [(string | number)[], unknown][] {
  const urlsOf = (place: string[], list: unknown) => listOf(list).map((item, j): [(string | number)[], unknown] => [[...place, j, "URL"], fieldsOf(item).URL]);
  return [
    ...["repositoryURL", "homepageURL", "downloadURL", "disclaimerURL"].map((field): [(string | number)[], unknown] => [[field], release[field]]),
    [["contact", "URL"], fieldsOf(release.contact).URL],
    ...urlsOf(["permissions", "licenses"], fieldsOf(release.permissions).licenses),
    ...urlsOf(["relatedCode"], release.relatedCode),
    ...urlsOf(["reusedCode"], release.reusedCode),
  ];
}

/** What the schema lets through but a reader would trip on. */
function readerFaults(data: unknown, on: string): Fault[] {
  const faults: Fault[] = [];
  const names = new Set<string>();
  listOf(fieldsOf(data).releases).forEach((value, i) => {
    const release = fieldsOf(value);
    // Two releases of one name get pages readers cannot tell apart (the second's address gains a number).
    const name = textOf(release.name)?.trim().toLowerCase();
    if (name && names.has(name)) faults.push({ path: ["releases", i, "name"], message: "is the name of an earlier release too", fix: "give each release a name of its own" });
    if (name) names.add(name);
    if (textOf(fieldsOf(release.contact).email)?.trim() === "") faults.push({ path: ["releases", i, "contact", "email"], message: "is empty", fix: "give an address people can write to about this project" });
    listOf(fieldsOf(release.permissions).licenses).forEach((license, j) => {
      if (textOf(fieldsOf(license).URL)?.trim().toLowerCase() === "none") {
        faults.push({ path: ["releases", i, "permissions", "licenses", j, "URL"], message: '"none" is not a license', fix: "give the license's web address, or leave out licenses the project does not have" });
      }
    });
    if (Array.isArray(release.tags) && release.tags.every((tag) => textOf(tag)?.trim() === "")) faults.push({ path: ["releases", i, "tags"], message: "has no tags", fix: "add a few words people would search for" });
    // Said of the first text of a release that holds one: an inventory can hold a million such texts.
    const hiddenIn = firstFoundInText(value, ["releases", i], firstHidden);
    if (hiddenIn) {
      const hidden = hiddenIn.found;
      faults.push({ path: hiddenIn.path, message: `holds ${hiddenName(hidden)} (${codePoint(hidden)}), which nobody can see`, fix: "remove it: the site's pages leave it out" });
    }
    for (const [place, address] of releaseAddresses(release)) {
      const host = isWebAddress(address) ? privateHost(new URL(address)) : undefined;
      if (host) faults.push({ path: ["releases", i, ...place], message: `goes to ${isOwnComputer(host) ? "the reader's own computer" : "a computer on a private network"} (${host}), which readers cannot reach`, fix: "give the address the public reaches it at: the site's pages do not link to this one" });
    }
    const hours = release.laborHours;
    if (hours === 0) faults.push({ path: ["releases", i, "laborHours"], message: "is 0", fix: "give the hours spent building the project, even roughly" });
    if (typeof hours === "number" && hours < 0) faults.push({ path: ["releases", i, "laborHours"], message: `is ${hours}, below zero`, fix: "give the hours spent building the project, even roughly" });
    for (const field of ["created", "lastModified", "metadataLastUpdated"]) {
      const date = dateOf(fieldsOf(release.date)[field]);
      if (date && date > on) faults.push({ path: ["releases", i, "date", field], message: `${date} is in the future`, fix: "give the date it really happened" });
    }
  });
  return faults;
}

/**
 * Checks an inventory against the full code.gov schema 2.0.0 (draft-04, with formats) and for faults a reader
 * would trip on, each problem named by file, line and JSON path. `schemaSeverity` is "error" for a coordinator
 * checking their own file, and "warning" in the site's build, which publishes an inventory with its faults shown.
 * The file's bytes are best given as they are, so their encoding is read rather than assumed.
 */
export function checkInventory(file: string, content: string | Uint8Array, options: { schemaSeverity?: Severity; today?: string } = {}): InventoryCheck {
  const { schemaSeverity = "error", today: on = today() } = options;
  const unreadable = (place: { line: number; column: number }, message: string, fix: string, severity: Severity = "error"): InventoryCheck => ({
    problems: [problem(file, place.line, message, fix, severity, place.column)],
    valid: false,
    validOutsideReleases: false,
    invalidReleases: new Set(),
  });
  // Compressed, as a server may send it or a download may save it: its bytes are no text at all.
  if (typeof content !== "string" && content[0] === 0x1f && content[1] === 0x8b) {
    return unreadable({ line: 1, column: 1 }, "the file is compressed (gzip), not JSON text", "unpack it first (gunzip, or open it and save what it holds), then check the code.json inside");
  }
  const { text, unreadableAt } = typeof content === "string" ? { text: content.replace(/^\uFEFF/, "") } : decodeInventory(content);
  if (unreadableAt !== undefined) {
    return unreadable(placeIn(text, unreadableAt), "the file is not saved as UTF-8: this character is in another encoding (such as Latin-1 or Windows-1252)", "save the file as UTF-8: most editors offer the choice when saving");
  }
  const fault = jsonFault(text);
  if (fault) return unreadable(placeIn(text, fault.offset), `the file is not valid JSON: ${fault.message}`, fault.fix);
  const source = parseJsonWithPlaces(text);
  const data = source.value;
  // A list at the top is most often the releases alone, without the inventory around them.
  if (Array.isArray(data)) {
    return unreadable(placeIn(text, text.indexOf("[")), `${describeField([], data)}: a list ([ … ]), where a code.json is one group of fields ({ … }) holding version, agency, measurementType and releases`, "if the list holds the agency's releases, put it in \"releases\" of such a group, as the code.gov schema 2.0.0 shows", schemaSeverity);
  }
  const report = (path: (string | number)[], message: string, fix: string, severity: Severity) => {
    const { line, column } = source.position(path, "key");
    return problem(file, line, `${describeField(path, data)}: ${message}`, fix, severity, column, `${describeField(path, data, { anyEntry: true })}: ${message}`);
  };
  const valid = validateSchema(data) as boolean;
  const invalidReleases = new Set<number>();
  let validOutsideReleases = true;
  const problems: Problem[] = [];
  // One message to a field: {} as a usage type is not text, and saying it is not one of the values too is noise.
  const refused = new Set<string>();
  for (const error of validateSchema.errors ?? []) {
    const explained = explain(error, data);
    if (explained.path[0] === "releases" && typeof explained.path[1] === "number") invalidReleases.add(explained.path[1]);
    else validOutsideReleases = false;
    const field = JSON.stringify(explained.path);
    if (refused.has(field)) continue;
    refused.add(field);
    problems.push(report(explained.path, explained.message, explained.fix, schemaSeverity));
  }
  // A field the schema already refuses needs no second message.
  for (const fault of readerFaults(data, on)) if (!refused.has(JSON.stringify(fault.path))) problems.push(report(fault.path, fault.message, fault.fix, "warning"));
  return { inventory: data, problems: problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0)), valid, validOutsideReleases, invalidReleases };
}
