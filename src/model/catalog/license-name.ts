import spdxLicenses from "spdx-license-list";

const namesByIdentifier = new Map(Object.entries(spdxLicenses).map(([identifier, license]) => [identifier.toLowerCase(), license.name]));

/**
 * One license, named one way. Inventories give "MIT" (its SPDX identifier) or "MIT License" (its SPDX name)
 * for the same license; identifiers become their SPDX names, so each license is one filter value and one bar.
 * Other names are kept as written: guessing at a loose name ("GPL v3") could change what a license allows.
 */
export const licenseName = (name: string): string => namesByIdentifier.get(name.toLowerCase()) ?? name;
