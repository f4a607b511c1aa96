import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse, stringify } from "yaml";

const sections = ["guides", "policy", "programs", "agencies", "events", "resources", "training", "standards", "news", "community"];
const words = "open source code reuse agency policy coordinator inventory repository license release community working group product owner digital service accessibility security procurement vendor data standard review quarterly metrics collaboration government California technology letter platform".split(" ");

/**
 * A deterministic pseudo-random sequence (mulberry32), so every run generates the same site. In 32-bit integer
 * arithmetic: a multiplication in doubles loses the low bits, and the sequence falls into a short cycle.
 */
function sequence(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * A vocabulary the size of a real documentation site's: the community's own words, then made-up words of two
 * to four syllables. With only a few dozen words every word would be on every page, and every search would
 * fetch postings for all of them.
 */
const syllables = "ba ca da fe go hi ja ke lo mu na pe qui ro sa tu va we xi yo zu bra cle dri flo gra plu sto tri".split(" ");
const vocabulary = [...words];
const made = sequence(7);
while (vocabulary.length < 5000) {
  const length = 2 + Math.floor(made() * 3);
  const word = Array.from({ length }, () => syllables[Math.floor(made() * syllables.length)]!).join("");
  if (!vocabulary.includes(word)) vocabulary.push(word);
}

/**
 * Word frequencies follow Zipf's law, as in any natural text: the word of rank r comes up about 1/r as often as
 * the first, so the community's words are common and most of the rest rare.
 */
const cumulative = vocabulary.map((_, rank) => 1 / (rank + 1)).map(((sum) => (weight: number) => (sum += weight))(0));
function zipfWord(random: () => number): string {
  const target = random() * cumulative.at(-1)!;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return vocabulary[low]!;
}

/**
 * Writes a realistic site of `count` pages into `dir`: front matter, sections with headings, lists,
 * links between pages and to their sections, and a few images.
 */
export function generateSite(dir: string, count: number, dataFrom: string): void {
  const random = sequence(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const sentence = (length: number) => {
    const text = Array.from({ length }, () => zipfWord(random)).join(" ");
    return text[0]!.toUpperCase() + text.slice(1) + ".";
  };
  const pageUrl = (i: number) => `/${sections[i % sections.length]}/page-${i}/`;
  mkdirSync(path.join(dir, "_data"), { recursive: true });
  // One language: a generated site has no translations, nor a home page in another language.
  const settings = parse(readFileSync(path.join(dataFrom, "_data", "settings.yaml"), "utf8")) as Record<string, unknown>;
  delete settings.languages;
  writeFileSync(path.join(dir, "_data", "settings.yaml"), stringify(settings));
  const menu = (list: readonly string[]) => list.map((s) => `  - text: ${s}\n    url: /${s}/\n`).join("");
  writeFileSync(path.join(dir, "_data", "navigation.yaml"), `primary:\n  - text: Home\n    url: /\n${menu(sections.slice(0, 5))}footer:\n${menu(sections.slice(5))}`);
  mkdirSync(path.join(dir, "images"), { recursive: true });
  for (let i = 0; i < 5; i++) writeFileSync(path.join(dir, "images", `figure-${i}.png`), Buffer.from("89504e470d0a1a0a", "hex"));
  writeFileSync(path.join(dir, "index.md"), `---\ntitle: Code California\ndescription: A generated site for the benchmark.\nlayout: home\n---\n\n${sentence(30)}\n`);
  for (const section of sections) {
    mkdirSync(path.join(dir, section), { recursive: true });
    writeFileSync(path.join(dir, section, "index.md"), `---\ntitle: ${section[0]!.toUpperCase()}${section.slice(1)}\ndescription: ${sentence(12)}\n---\n\n${sentence(40)}\n`);
  }
  for (let i = 0; i < count - sections.length - 1; i++) {
    const other = Math.floor(random() * (count - sections.length - 1));
    const body = [
      sentence(40),
      "## Overview",
      `${sentence(50)} See [page ${other}](${pageUrl(other)}) and [its details](${pageUrl(other)}#details).`,
      "## Details",
      sentence(60),
      Array.from({ length: 5 }, () => `- ${sentence(8)}`).join("\n"),
      "### Requirements",
      `${sentence(40)} Read [the overview](#overview).`,
      "## Contacts",
      i % 50 === 0 ? `![A diagram of the ${pick(words)} process](/images/figure-${i % 5}.png)\n\n${sentence(20)}` : sentence(30),
    ].join("\n\n");
    const front = `---\ntitle: ${sentence(4).replace(".", "")} ${i}\ndescription: ${sentence(15)}\n---\n\n`;
    writeFileSync(path.join(dir, sections[i % sections.length]!, `page-${i}.md`), front + body + "\n");
  }
}

/** Adds `agencies` generated code.json inventories of `perAgency` releases each (valid against the schema). */
export function generateInventories(dir: string, agencies: number, perAgency: number): void {
  const random = sequence(agencies * perAgency);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const licenses = [
    { name: "MIT License", URL: "https://opensource.org/licenses/MIT" },
    { name: "Apache License 2.0", URL: "https://www.apache.org/licenses/LICENSE-2.0" },
    { name: "GNU General Public License v3.0", URL: "https://www.gnu.org/licenses/gpl-3.0.html" },
  ];
  const languages = ["Python", "JavaScript", "TypeScript", "Java", "C#", "Ruby", "Go", "PHP"];
  const usage = ["openSource", "openSource", "openSource", "governmentWideReuse", "exemptByLaw"];
  mkdirSync(path.join(dir, "code-json"), { recursive: true });
  const entries: string[] = [];
  for (let a = 0; a < agencies; a++) {
    const acronym = `AG${a + 1}`;
    const releases = Array.from({ length: perAgency }, (_, r) => ({
      name: `${pick(words)}-${pick(words)}-${r + 1}`,
      description: `A ${pick(words)} ${pick(words)} tool for ${pick(words)} ${pick(words)}.`,
      organization: acronym,
      repositoryURL: `https://github.com/example-${a + 1}/project-${r + 1}`,
      permissions: { licenses: [pick(licenses)], usageType: pick(usage) },
      laborHours: 100 + r,
      tags: [pick(words), pick(words)],
      languages: [pick(languages)],
      status: "Production",
      contact: { email: `code@agency-${a + 1}.example.gov` },
      date: { created: "2020-01-01", lastModified: "2024-01-01", metadataLastUpdated: `202${Math.floor(random() * 5)}-06-01` },
    }));
    writeFileSync(path.join(dir, "code-json", `ag${a + 1}.json`), JSON.stringify({ version: "2.0.0", agency: acronym, measurementType: { method: "projects" }, releases }, null, 2));
    entries.push(`- file: ag${a + 1}.json\n  name: Generated Agency ${a + 1}\n  acronym: ${acronym}\n`);
  }
  mkdirSync(path.join(dir, "_data"), { recursive: true });
  writeFileSync(path.join(dir, "_data", "inventories.yaml"), entries.join(""));
}
