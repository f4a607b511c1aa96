import nunjucks from "nunjucks";
import type { LanguageStrings } from "../../model/strings.ts";
import { fallbackLanguage } from "../../model/strings.ts";
import type { StringName } from "../../schema/strings.ts";

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Markup a template made itself, such as a `<time>` element: put into a string as it is, not escaped. */
const isMarkup = (value: unknown): value is nunjucks.runtime.SafeString => value instanceof nunjucks.runtime.SafeString;

type Params = Record<string, unknown>;

/**
 * One of the layouts' strings in a language, as HTML: the text escaped, each {brace} filled in (markup the template
 * made, such as a `<time>`, as it is; anything else escaped), and a string the language lacks marked as English, so
 * a screen reader reads it in English rather than with the page's voice.
 */
export function translate(strings: LanguageStrings, name: StringName, params: Params = {}): nunjucks.runtime.SafeString {
  const html = escapeHtml(strings.words[name]).replace(/\{(\w+)\}/g, (whole, key: string) => {
    if (!(key in params)) return whole;
    const value = params[key];
    return isMarkup(value) ? value.toString() : escapeHtml(String(value));
  });
  return new nunjucks.runtime.SafeString(strings.fallback.has(name) ? `<span lang="${fallbackLanguage}">${html}</span>` : html);
}
