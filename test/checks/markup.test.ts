import { describe, expect, it } from "vitest";
import { checkedProblems } from "../helpers.ts";

const page = (body: string) => `---\ntitle: Notes\ndescription: A page of notes.\n---\n\n${body}`;

describe("Markdown that would publish something other than what the editor wrote", () => {
  it("a comment never closed, which hides the rest of the page", async () => {
    expect(await checkedProblems({ "notes.md": page("Intro.\n\n<!-- a note to self\n\n## Section\n\nThis text would be hidden.\n") })).toEqual([
      "notes.md:8:1 error: this comment (<!--) is never closed, so everything after it, to the end of the page, is hidden — end the comment with --> where your note ends, or remove the <!--",
    ]);
  });

  it("a page with nothing below its front matter", async () => {
    expect(await checkedProblems({ "notes.md": page("\n") })).toEqual([
      'notes.md:4 error: this page has no text below its front matter, so it would be published empty — write the page\'s text after the second "---" line, or add draft: true until it is written',
    ]);
  });

  it("a closed comment is left alone", async () => {
    expect(await checkedProblems({ "notes.md": page("Intro.\n\n<!-- a note\nto self -->\n\nMore.\n") })).toEqual([]);
  });

  it("a table whose line under the first row has too few ---, and a row with a cell too many", async () => {
    expect(await checkedProblems({ "notes.md": page("| Role | Duty |\n| --- |\n| Owner | Reviews |\n\n| Role | Duty |\n| --- | --- |\n| Owner | Reviews | Monthly |\n") })).toEqual([
      "notes.md:6 error: this table is shown as plain text: its first row has 2 columns, but the line under it has 1 — give the line under the first row one --- for each column: | --- | --- |",
      "notes.md:12 error: this row has 3 cells, but the table has 2 columns, so the last one is not shown — add a column to the first row and to the line under it, or remove the extra cell",
    ]);
  });

  it("a heading without the space after its # signs", async () => {
    expect(await checkedProblems({ "notes.md": page("Intro.\n\n##Next steps\n") })).toEqual([
      'notes.md:8:1 error: "##Next steps" is not a heading: it needs a space after its # signs, so it shows as plain text — write it as "## Next steps"',
    ]);
  });
});

describe("braces that are not a data block", () => {
  it("a data block in capitals, never closed, or within a sentence, and a template tag", async () => {
    const body = "{{ Contact }}\n\n{{ contact\n\nWrite to us: {{ contact }}.\n\n{% include \"form.njk\" %}\n\nIn code, `{{ contact }}` is fine, and so is \\{\\{ contact }}, escaped.\n";
    expect(await checkedProblems({ "notes.md": page(body) })).toEqual([
      'notes.md:6:1 error: "{{ Contact }}" is shown on the page as it is written, not as a data block: a data block is written in small letters, on a line of its own — write {{ contact }} on a line of its own, with an empty line before and after',
      'notes.md:8:1 error: "{{ contact" is shown on the page as it is written, not as a data block: it is never closed with }} — write {{ contact }} on a line of its own, with an empty line before and after',
      'notes.md:10:14 error: "{{ contact }}" is shown on the page as it is written, not as a data block: a data block is written in small letters, on a line of its own — write {{ contact }} on a line of its own, with an empty line before and after',
      'notes.md:12:1 error: "{% include "form.njk" %}" is shown on the page as it is written: pages cannot use template tags ({% … %}) — remove it; a list kept in a data file is shown with a line of its own such as {{ agencies }}',
    ]);
  });

  it("are found in linear time, however many backticks a line holds", async () => {
    const started = performance.now();
    expect(await checkedProblems({ "notes.md": page(`Code: ${"`".repeat(200_000)} and {{ Contact }}\n`) })).toEqual([
      expect.stringMatching(/^notes\.md:6:200012 error: "\{\{ Contact \}\}" is shown on the page as it is written/),
    ]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
