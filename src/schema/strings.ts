import { z } from "zod";

/** The strings the search page's script shows: counts of results, and the button for more. */
export const searchScriptStrings = [
  "search_no_results",
  "search_no_results_in",
  "search_one_result",
  "search_one_result_in",
  "search_results",
  "search_results_in",
  "search_more",
] as const;

/**
 * The words the layouts print, by name: the one list every language's strings file (`_includes/strings/<tag>.yaml`)
 * follows. English has every one; another language may lack some, and those show in English, marked as English.
 * Words in {braces} are filled in by the site and must be kept.
 */
export const stringNames = [
  "skip_link",
  "official_site",
  "home",
  "menu",
  "main_menu",
  "search",
  "search_site",
  "breadcrumb",
  "on_this_page",
  "section_link",
  "footer_links",
  "copyright",
  "last_updated",
  "last_reviewed",
  "last_reviewed_by",
  "next_review",
  "kept_by",
  "edit_page",
  "report_problem",
  "review_overdue",
  "review_overdue_by",
  "explore",
  "search_title",
  "search_description",
  "search_for",
  "search_section",
  "all_sections",
  "search_any",
  "search_other_section",
  "search_without_javascript",
  "search_needs_javascript",
  "site_map_link",
  ...searchScriptStrings,
  "site_map_title",
  "site_map_description",
  "site_map_intro",
  "site_map_page",
  "site_map_pages",
  "previous_page",
  "next_page",
  "moved_title",
  "moved_to",
  "languages",
  "only_in_default",
  "translation_unreviewed",
  "translation_behind",
  "read_original",
  "translations_title",
  "translations_description",
  "translations_intro",
  "translation_page",
  "translation_up_to_date",
  "translation_is_behind",
  "translation_missing",
  "translation_no_original",
  "translation_unknown",
  "translation_reviewed_by",
  "translation_not_reviewed",
] as const;

export type StringName = (typeof stringNames)[number];
export type Strings = Record<StringName, string>;

const text = z.string().trim().min(1);

/** The default language's file: every string, and no other name. */
export const completeStringsSchema = z.strictObject(Object.fromEntries(stringNames.map((name) => [name, text])) as Record<StringName, typeof text>);

/** Another language's file: any of the strings (the rest fall back to the default language), and no other name. */
export const stringsSchema = completeStringsSchema.partial();

/** The names in {braces} that a string has the site fill in. */
export const placeholders = (value: string): string[] => [...new Set([...value.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
