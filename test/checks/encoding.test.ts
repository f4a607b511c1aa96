import { describe, expect, it } from "vitest";
import { checkText, repairGarbled } from "../../src/checks/encoding.ts";
import { validateYaml } from "../../src/model/validate.ts";
import { report } from "../../src/problems/report.ts";
import { agenciesSchema } from "../../src/schema/data.ts";
import { checkedProblems } from "../helpers.ts";

describe("repairGarbled: UTF-8 read as Windows-1252, turned back", () => {
  it.each([
    ["â€™", "’"],
    ["â€œ", "“"],
    ["â€\u009d", "”"],
    ["â€”", "—"],
    ["Ã©", "é"],
    ["Ã±", "ñ"],
  ])("%s was %s", (garbled, meant) => expect(repairGarbled(garbled)).toBe(meant));

  it("leaves real accented text alone", () => {
    expect(checkText("x.md", ["Año, niño, résumé, São Paulo, “quotes” — and naïve café"])).toEqual([]);
  });

  it("leaves French spacing alone, a no-break space between a word and its », but not a no-break space or an à garbled", () => {
    expect(checkText("x.md", ["« Résumé\u00A0», l’ÉTÉ\u00A0» et «\u00A0Ça\u00A0»"])).toEqual([]);
    expect(checkText("x.md", ["Voil\u00C3\u00A0 10\u00C2\u00A0km"]).map((p) => p.fix)).toEqual(['replace it with "à"', 'replace it with "\u00A0"']);
    // A letter going on after the space is a garbled Š, Р, Π, and a mark after a longer run a garbled †.
    expect(checkText("x.md", ["\u00C5\u00A0koda", "\u00D0\u00A0\u00D0\u00BE", "\u00CE\u00A0", "\u00E2\u20AC\u00A0»"]).map((p) => p.fix)).toEqual([
      'replace it with "Š"',
      'replace it with "Р"',
      'replace it with "о"',
      'replace it with "Π"',
      'replace it with "†"',
    ]);
  });

  it("allows a byte order mark at the very start of a file only", () => {
    expect(checkText("x.md", ["\uFEFF---"])).toEqual([]);
    expect(checkText("x.md", ["a", "\uFEFFb"]).map((p) => p.line)).toEqual([2]);
  });

  it("catches hidden text-direction controls", () => {
    expect(checkText("x.md", ["safe\u202Etxt.exe"])[0]?.message).toBe("there is a hidden text-direction control (U+202E) here, which nobody can see");
  });
});

describe("characters nobody can see, written in YAML as escapes", () => {
  it("are refused in front matter and data files, at the value's line, naming the character", async () => {
    const problems = await checkedProblems({
      "spoof.md": '---\ntitle: "Annual \\u202Ereport"\ndescription: "A bell\\a and a null\\0 here."\nowner: "Tab\\tand line\\nbreaks are fine"\n---\n\nText.\n',
      "_data/agencies.yaml": '- name: "Office\\u200B of Data"\n',
    });
    expect(problems.filter((line) => /spoof\.md|agencies\.yaml/.test(line))).toEqual([
      '_data/agencies.yaml:1:9 error: "name" in the first entry holds a zero-width space (U+200B), written as an escape, which nobody would see — delete the escape',
      'spoof.md:2:8 error: "title" holds a hidden text-direction control (U+202E), written as an escape, which nobody would see — delete the escape',
      'spoof.md:3:14 error: "description" holds a control character (U+0007), written as an escape, which nobody would see — delete the escape',
    ]);
  });

  it("are said once in the report for a field of many entries, with their lines", () => {
    const agencies = Array.from({ length: 5 }, (_, i) => `- name: "Office ${i}\\u200B"\n`).join("");
    const lines: string[] = [];
    report(validateYaml(agenciesSchema, agencies, "agencies.yaml").problems, (line) => lines.push(line), {});
    expect(lines).toEqual([
      'agencies.yaml:1:9 error: "name" in each entry holds a zero-width space (U+200B), written as an escape, which nobody would see — delete the escape (5 times, lines 1, 2, 3, 4, 5)',
      "5 errors, 0 warnings, 0 notes",
    ]);
  });

  it("are refused after a character of the same value that the file's text shows, itself said at its place", async () => {
    const problems = await checkedProblems({ "spoof.md": '---\ntitle: "\u0001About \\u202Eacod\\u202C Code"\ndescription: Plain.\n---\n\nText.\n' });
    expect(problems.filter((line) => line.startsWith("spoof.md"))).toEqual([
      'spoof.md:2:8 error: "title" holds a hidden text-direction control (U+202E), written as an escape, which nobody would see — delete the escape',
      "spoof.md:2:9 error: there is a control character (U+0001) here, which nobody can see — delete it: put the cursor just after it and press Backspace, or retype the word",
    ]);
  });
});

describe("characters nobody can see, in a file's text", () => {
  it("are listed to a thousand a file, and the rest counted: a file full of them is one fault, and a check of it stays small", () => {
    const problems = checkText("drawing.svg", Array.from({ length: 3000 }, () => "a\u200Bb\u200Bc"));
    expect(problems).toHaveLength(1001);
    expect(problems[999]).toMatchObject({ line: 500, column: 4 });
    expect(problems[1000]).toMatchObject({ line: 3000, severity: "error", message: "5,000 more characters like those above are in this file, the last on this line" });
    expect(checkText("x.md", ["\u200B".repeat(1001)]).at(-1)?.message).toBe("1 more character like those above is in this file, the last on this line");
  });

  it("include control characters and Unicode's tag characters, but not tabs or line endings", () => {
    expect(checkText("x.md", ["a\u0001b", "c\u007fd", "tag\u{E0041}\u{E0042}", "tab\there\r"]).map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      "1:2 there is a control character (U+0001) here, which nobody can see",
      "2:2 there is a control character (U+007F) here, which nobody can see",
      "3:4 there is an invisible tag character (U+E0041) here, which nobody can see",
      "3:6 there is an invisible tag character (U+E0042) here, which nobody can see",
    ]);
  });

  it("leave alone a joiner or tag character that does a job: between letters, in an emoji, in a flag", () => {
    const persian = "می\u200Cخواهم";
    const coder = "👩\u200D💻";
    const england = "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}";
    expect(checkText("x.md", [`${persian} ${coder} ${england} Hindi क्\u200Dष`])).toEqual([]);
    expect(checkText("x.md", ["a \u200C b", "x\u200D", "\u{E0067}\u{E007F} no flag", "🏴 \u{E0067}", "pay\u200Cpal", `🏴${"\u{E0061}".repeat(9)}`]).map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      "1:3 there is a zero-width non-joiner (U+200C) here, which nobody can see",
      "2:2 there is a zero-width joiner (U+200D) here, which nobody can see",
      "3:1 there is an invisible tag character (U+E0067) here, which nobody can see",
      "3:3 there is an invisible tag character (U+E007F) here, which nobody can see",
      "4:4 there is an invisible tag character (U+E0067) here, which nobody can see",
      // Between Latin letters a joiner only hides inside a word; a flag's tags are a few, not a hidden sentence.
      "5:4 there is a zero-width non-joiner (U+200C) here, which nobody can see",
      "6:19 there is an invisible tag character (U+E0061) here, which nobody can see",
    ]);
  });

  it("are found in a line of 200,000 tag characters in moments", { timeout: 10_000 }, () => {
    // A flag's tag sequence is a few tags long: those past the first few are hidden text.
    const problems = checkText("x.md", ["🏴" + "\u{E0067}".repeat(200_000)]);
    expect(problems).toHaveLength(1001);
    expect(Number(problems.at(-1)!.message.split(" ")[0]!.replaceAll(",", ""))).toBeGreaterThan(198_900);
  });

  it("are not said again inside garbled text, which is said as garbled", () => {
    expect(checkText("x.md", ["â€\u009d"]).map((p) => p.message)).toEqual(['"â€\u009d" is garbled text (UTF-8 read with the wrong encoding)']);
  });
});

describe("characters nobody can see, named by character references", () => {
  it("are refused at their lines, in Markdown and in raw HTML, each said once a line", async () => {
    const page = [
      "---",
      "title: References",
      "description: References.",
      "---",
      "",
      "Zero width &#x200B; space, and &#8238;olleh.",
      "",
      "## Head&#x200B;ing",
      "",
      "[link &shy; text](/contact/) and <span>&ZeroWidthSpace;</span>, but &shy without its ; in Markdown, which shows it as written",
      "",
      "| a |",
      "| - |",
      "| &#xE0041; |",
      "",
      "A plain &amp; safe line, with &lt;angles&gt; and a flag: 🏴&#xE0067;&#xE0062;&#xE0073;&#xE0063;&#xE0074;&#xE007F;",
      "",
    ].join("\n");
    const problems = await checkedProblems({ "refs.md": page });
    expect(problems.filter((line) => line.startsWith("refs.md") && line.includes("character reference here stands for"))).toEqual([
      "refs.md:6 error: a character reference here stands for a zero-width space (U+200B), which nobody can see — delete the reference",
      "refs.md:6 error: a character reference here stands for a hidden text-direction control (U+202E), which nobody can see — delete the reference",
      "refs.md:8 error: a character reference here stands for a zero-width space (U+200B), which nobody can see — delete the reference",
      "refs.md:10 error: a character reference here stands for a soft hyphen (U+00AD), which nobody can see — delete the reference",
      "refs.md:10 error: a character reference here stands for a zero-width space (U+200B), which nobody can see — delete the reference",
      "refs.md:14 error: a character reference here stands for an invisible tag character (U+E0041), which nobody can see — delete the reference",
    ]);
  });
});
