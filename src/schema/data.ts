import { z } from "zod";
import { patterns } from "./patterns.ts";
import { privateHost } from "./private-addresses.ts";

const httpsUrl = z
  .url({ protocol: /^https$/, error: "must be a full address starting with https://" })
  .refine((url) => !URL.canParse(url) || !privateHost(new URL(url)), "must be an address the public can reach, not one of your own computer or private network");
const patterned = ({ regex, message }: { regex: RegExp; message: string }) => z.string().regex(regex, message);
const sitePath = patterned(patterns.sitePath);
/**
 * Words the pages show: not blank, and no longer than a person writes them. The settings and menus are on every page,
 * so a text of a megabyte there would make every page a megabyte.
 */
const words = (max: number) => z.string().trim().min(1).max(max);

/** Whether browsers know a language tag: the pattern lets through some (`es-12`) that they refuse to format dates in. */
const isKnownLanguage = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};
const languageTag = patterned(patterns.language).refine(isKnownLanguage, patterns.language.message);

/** `_data/settings.yaml`: what makes the site this community's site. */
export const settingsSchema = z.strictObject({
  /** The site's name, shown in the header and in every page title. */
  name: words(100),
  /** What the site is, in one sentence: the home page's description. */
  description: words(300),
  /** The address the site is published at, without a trailing slash, e.g. https://code.ca.gov. */
  url: httpsUrl,
  /** The language of the pages, as a BCP 47 tag (en, es, en-US…): the default language, whose pages have no prefix. */
  language: languageTag,
  /**
   * Every language the site is published in, the default one included, each by its tag with its name written in
   * that language (`es: Español`). A language's pages live in a folder of its tag (`content/es/about.md`).
   */
  languages: z.record(languageTag, words(60)).optional(),
  /** The folder the site is served under, "/" for a site of its own or "/repo/" for a GitHub Pages project site. PATH_PREFIX overrides it. */
  path_prefix: patterned(patterns.pathPrefix).default("/"),
  /** The public source repository, for "Edit this page" links, e.g. https://github.com/owner/repo. */
  repository: httpsUrl,
  /** The branch that edits are proposed against. */
  branch: z.string().min(1),
  /** Where this content folder sits inside the repository, for edit links. */
  content_path: z.string().default("content"),
  /** How the public reaches the community. */
  contact: z.strictObject({
    /** Who answers, e.g. "the Code California product owner". */
    who: words(200),
    /** Where to write: a web address people can use without an account elsewhere if possible. */
    url: httpsUrl,
    /** The link's text. */
    label: words(100),
  }),
  /** The owner named in the footer's copyright line. */
  copyright: words(200),
});

/** A link of a menu; its address leads to the same page in another language where that page is translated. */
const menuItem = z.strictObject({
  text: words(60),
  url: sitePath,
  /** The link's words in the site's other languages, by language tag: `es: Acerca de`. */
  translations: z.record(languageTag, words(60)).optional(),
});

/** `_data/navigation.yaml`: the menus. */
export const navigationSchema = z.strictObject({
  /** The header's main menu, in order. */
  primary: z.array(menuItem).min(1).max(10),
  /** The footer's links, which a California state site must carry. */
  footer: z.array(menuItem).min(1).max(20),
});

/** `_data/agencies.yaml`: the state agencies, offices and initiatives that lead Code California. */
export const agenciesSchema = z.array(
  z.strictObject({
    name: words(200),
    /** The agency's own website. Leave it out where there is none to link to. */
    url: httpsUrl.optional(),
    /** The `name` of the agency this one belongs to, for offices inside an agency. */
    parent: words(200).optional(),
  }),
);

/** `_data/community.yaml`: who the community serves and who belongs to it. */
export const communitySchema = z.strictObject({
  /** The core user groups and what each should get out of the community's work. */
  users: z.array(z.strictObject({ name: words(200), so_that: words(300) })).min(1),
  /** The kinds of people and organisations that make up the community. */
  members: z.array(words(200)).min(1),
});

/** `_data/inventories.yaml`: the agencies whose code.json inventories the site publishes, each kept in `code-json/`. */
export const inventoriesSchema = z.array(
  z.strictObject({
    /** The inventory's file name in `content/code-json/`, such as `cdt.json`. */
    file: patterned(patterns.inventoryFile),
    /** The agency's full name. */
    name: words(200),
    /** The agency's short name, used in addresses (`/projects/cdt/`) and filters. */
    acronym: patterned(patterns.acronym),
    /** The agency's website. */
    website: httpsUrl.optional(),
  }),
);

/** `_data/roles.yaml`: the community's roles and what each one does. */
export const rolesSchema = z.record(
  patterned(patterns.roleName),
  z.strictObject({
    name: words(100),
    duties: z.array(words(300)).min(1),
  }),
);

export type Settings = z.output<typeof settingsSchema>;
export type Navigation = z.output<typeof navigationSchema>;
export type MenuItem = z.output<typeof menuItem>;
export type Agencies = z.output<typeof agenciesSchema>;
export type Community = z.output<typeof communitySchema>;
export type Roles = z.output<typeof rolesSchema>;
export type Inventories = z.output<typeof inventoriesSchema>;

/** The data files every content folder must have, by file name (without `.yaml`). */
export const requiredDataSchemas = {
  settings: settingsSchema,
  navigation: navigationSchema,
} as const;

/** Data files a community may add; pages can show them with data blocks. */
export const optionalDataSchemas = {
  agencies: agenciesSchema,
  community: communitySchema,
  roles: rolesSchema,
  inventories: inventoriesSchema,
} as const;

export const dataSchemas = { ...requiredDataSchemas, ...optionalDataSchemas } as const;

export type SiteData = { [K in keyof typeof requiredDataSchemas]: z.output<(typeof requiredDataSchemas)[K]> } & {
  [K in keyof typeof optionalDataSchemas]?: z.output<(typeof optionalDataSchemas)[K]>;
};
