import nunjucks from "nunjucks";
import path from "node:path";
import type { BlockRenderer } from "./data-blocks.ts";
import type { Agencies, SiteData } from "../schema/data.ts";
import { generatorRoot } from "../options.ts";
import { didYouMean } from "../problems/suggest.ts";
import { translate, type LanguageStrings } from "../model/strings.ts";
import type { StringName } from "../schema/strings.ts";

export interface AgencyNode {
  name: string;
  url?: string;
  children: AgencyNode[];
}

/** The agencies as a tree: offices under the agency they belong to, in the order of the data file. */
export function agencyTree(agencies: Agencies): AgencyNode[] {
  const nodes = new Map(agencies.map((a) => [a.name, { name: a.name, url: a.url, children: [] as AgencyNode[] }]));
  const roots: AgencyNode[] = [];
  for (const agency of agencies) {
    const node = nodes.get(agency.name)!;
    const parent = agency.parent ? nodes.get(agency.parent) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The data blocks that take a name after a colon, and what that name is: `{{ duties: product-owner }}`. */
export const blockArguments: Readonly<Record<string, string>> = { duties: "a role in roles.yaml" };

/** The data blocks pages can place, each drawn by its partial in `_includes/blocks/`, around its data in the page's language's words. */
export function dataBlocks(data: SiteData, strings: LanguageStrings): Record<string, BlockRenderer> {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(path.join(generatorRoot, "_includes", "blocks")), {
    autoescape: true,
    throwOnUndefined: true,
  });
  env.addFilter("t", (name: StringName, params?: Record<string, unknown>) => translate(strings, name, params));
  const render = (name: string, context: object) => env.render(`${name}.njk`, context);
  const { agencies, community, roles } = data;
  const blocks: Record<string, BlockRenderer> = {
    contact: () => render("contact", { contact: data.settings.contact }),
  };
  if (agencies) blocks.agencies = () => render("agencies", { agencies: agencyTree(agencies) });
  if (community) {
    blocks.users = () => render("users", { users: community.users });
    blocks.members = () => render("members", { members: community.members });
  }
  if (roles) {
    blocks.duties = (role) => {
      // Only the roles the file lists: not what every object has ("constructor", "__proto__").
      const found = role && Object.hasOwn(roles, role) ? roles[role] : undefined;
      if (!found) {
        const meant = role ? didYouMean(role, Object.keys(roles)) : undefined;
        throw new Error(`there is no role "${role ?? ""}" in roles.yaml${meant ? `: did you mean "${meant}"?` : `; roles: ${Object.keys(roles).join(", ")}`}`);
      }
      return render("duties", { role: found });
    };
  }
  return blocks;
}
