// An inventory holds whatever its agency wrote: a list where text belongs, null where a group of fields does.
// The site reads each value through these, which give it only when it has the type the code.gov schema gives
// it; a value of another type is the schema check's to report, and reading it never throws.

import { mayBeHidden, withoutHidden } from "../../problems/hidden-characters.ts";
import { privateHost } from "../../schema/private-addresses.ts";

export const isFields = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/** A group of fields, or an empty one. */
export const fieldsOf = (value: unknown): Record<string, unknown> => (isFields(value) ? value : {});

/** A list, or an empty one. */
export const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** Text, without the characters nobody would see (each is a fault of the inventory): a name shown reads as it is. */
export const textOf = (value: unknown): string | undefined => (typeof value === "string" ? withoutHidden(value) : undefined);

/** The texts of a list, without what is not text. */
export const textsOf = (value: unknown): string[] => listOf(value).flatMap((item) => textOf(item) ?? []);

/** A real calendar date written YYYY-MM-DD, as the schema's dates are: pages format it, and "2024" or "soon" is no day. */
export function dateOf(value: unknown): string | undefined {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value) ? value : undefined;
}

/**
 * Whether a value is a web address the site may link to and republish: http or https, written whole. The scheme
 * is the one a browser would read (so "JaVaScRiPt:" or a control character before it cannot pass for one), and
 * "//" must follow it: a browser reads "https:example.com" as an address within the site.
 */
export function isWebAddress(value: unknown): value is string {
  // An address with a character nobody can see goes elsewhere than it reads.
  if (typeof value !== "string" || /[\s\p{Cc}]/u.test(value) || value.search(mayBeHidden) !== -1) return false;
  try {
    const { protocol } = new URL(value);
    return (protocol === "https:" || protocol === "http:") && value.slice(protocol.length, protocol.length + 2) === "//";
  } catch {
    return false;
  }
}

/**
 * A web address the catalog's pages may link to: one on a private network, or the reader's own computer, reaches
 * no reader, and a link there could ask a reader's router to do something. The pages show no link to it.
 */
export function isLinkable(value: unknown): value is string {
  return isWebAddress(value) && privateHost(new URL(value)) === undefined;
}
