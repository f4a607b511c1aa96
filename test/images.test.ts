import { describe, expect, it } from "vitest";
import { judgeImage } from "../src/model/images.ts";
import { checkedProblems } from "./helpers.ts";
import { svgFixtures } from "./hostile.ts";

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const svg = (body: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">${body}</svg>`);

describe("images", () => {
  it.each(svgFixtures("attacks"))("refuses the SVG $name", ({ name, bytes }) => {
    expect(judgeImage(name, bytes)?.message).toMatch(new RegExp(`^${name.replace(".", "\\.")} is not safe to publish as an image: it `));
  });

  it.each(svgFixtures("harmless"))("publishes the SVG $name", ({ name, bytes }) => {
    expect(judgeImage(name, bytes)).toBeUndefined();
  });

  it.each([
    ["an image from another file", '<image href="https://example.com/a.png"/>', 'refers to another file (href="https://example.com/a.png")'],
    ["a use of another file", '<use xlink:href="other.svg#a"/>', 'refers to another file (xlink:href="other.svg#a")'],
    ["a style that imports", "<style>@import url(https://example.com/a.css);</style>", "refers to another file in its styles"],
    ["a style attribute that loads", '<rect style="fill: url(https://example.com/x)"/>', "refers to another file in its styles (style)"],
    ["a processing instruction", '<?foo bar?><rect/>', "has a processing instruction"],
    ["a url() spelt with a CSS escape", "<style>rect{background:u\\rl(https://example.com/a.png)}</style>", "refers to another file in its styles"],
    ["an escaped import", '<style>@\\import "https://example.com/c.css";</style>', "refers to another file in its styles"],
    ["an image-set() of another file", '<rect style="mask-image:image-set(\'https://example.com/d.png\' 1x)"/>', "refers to another file in its styles (style)"],
    ["an escape in a presentation attribute", '<rect fill="u\\rl(https://example.com/e.svg#p)"/>', "refers to another file in its styles (fill)"],
  ])("refuses an SVG with %s", (_what, body, danger) => {
    expect(judgeImage("x.svg", svg(body))?.message).toBe(`x.svg is not safe to publish as an image: it ${danger}`);
  });

  it("refuses an SVG that declares entities, that is not well formed, or that is not UTF-8", () => {
    expect(judgeImage("x.svg", Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'))?.message).toBe(
      "x.svg is not safe to publish as an image: it declares a DOCTYPE, whose entities can pull in other files",
    );
    expect(judgeImage("x.svg", svg("<rect>"))?.message).toBe("x.svg is not safe to publish as an image: it is not well-formed XML");
    expect(judgeImage("x.svg", Buffer.from('<?xml version="1.0" encoding="UTF-16"?><svg xmlns="http://www.w3.org/2000/svg"/>'))?.message).toBe("x.svg is not safe to publish as an image: it says it is in the UTF-16 encoding");
  });

  it("reads a drawing nested 10,000 deep to its last element, in plain words", () => {
    const deep = (inner: string) => svg(`${"<g>".repeat(10_000)}${inner}${"</g>".repeat(10_000)}`);
    expect(judgeImage("x.svg", deep("<rect/>"))).toBeUndefined();
    expect(judgeImage("x.svg", deep('<rect onclick="alert(1)"/>'))?.message).toBe("x.svg is not safe to publish as an image: it has an event handler (onclick)");
  });

  it("reads a drawing of 200,000 elements side by side to its last, in plain words", () => {
    expect(judgeImage("x.svg", svg("<g/>".repeat(200_000)))).toBeUndefined();
    expect(judgeImage("x.svg", svg(`${"<g/>".repeat(200_000)}<script/>`))?.message).toBe("x.svg is not safe to publish as an image: it has a <script> element");
  });

  it.each(["<?", "<!--", "<![CDATA["])("reads a drawing of 1 MB of %s never closed in moments, and refuses it", { timeout: 10_000 }, (opening) => {
    const drawing = svg(opening.repeat(Math.floor(1024 * 1024 / opening.length)));
    expect(judgeImage("x.svg", drawing)?.message).toBe("x.svg is not safe to publish as an image: it is not well-formed XML");
  });

  it("names the first danger in the drawing, in the order it is written", () => {
    expect(judgeImage("x.svg", svg('<g><g><rect onload="a()"/></g><script/></g><foreignObject/>'))?.message).toBe("x.svg is not safe to publish as an image: it has an event handler (onload)");
    expect(judgeImage("x.svg", svg("<g><script/></g><?pi x?>"))?.message).toBe("x.svg is not safe to publish as an image: it has a <script> element");
    expect(judgeImage("x.svg", svg("<g><?pi x?></g><script/>"))?.message).toBe("x.svg is not safe to publish as an image: it has a processing instruction");
  });

  it("names the line of the tag where a drawing stops being well-formed XML", () => {
    const mismatched = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n  <g>\n    <rect>\n  </g>\n</svg>\n');
    expect(judgeImage("x.svg", mismatched)).toMatchObject({ message: "x.svg is not safe to publish as an image: it is not well-formed XML", line: 3 });
    expect(judgeImage("x.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n\n<rect x="1/>\n</svg>'))).toMatchObject({ line: 3 });
  });

  it("names the line of the element at fault, and lets a url() to a part of the drawing through however it is spaced", () => {
    const drawing = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n  <defs/>\n  <rect fill="url( #a)" style="fill: url( \' #a\' )"/>\n  <circle onclick="alert(1)"/>\n</svg>\n');
    expect(judgeImage("x.svg", drawing)).toMatchObject({ message: "x.svg is not safe to publish as an image: it has an event handler (onclick)", line: 4 });
    expect(judgeImage("x.svg", Buffer.from('<svg xmlns="http://www.w3.org/2000/svg">\n<rect fill="url( #a)"/>\n<rect fill="url( https://example.com/x)"/></svg>'))).toMatchObject({ line: 3 });
    // A long run of spaces is read once, not tried split by split (200,000 took 25 s so).
    const started = performance.now();
    expect(judgeImage("x.svg", svg(`<style>.a{fill:url(${" ".repeat(200_000)}x)}</style>`))?.message).toBe("x.svg is not safe to publish as an image: it refers to another file in its styles");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("reads a style element's sheet from its own text, as a browser does, not from the elements inside it", () => {
    expect(judgeImage("x.svg", svg("<style><![CDATA[@import url(https://example.com/a.css);]]></style>"))?.message).toBe("x.svg is not safe to publish as an image: it refers to another file in its styles");
    expect(judgeImage("x.svg", svg('<style><desc>@import "https://example.com/a.css"</desc></style>'))).toBeUndefined();
  });

  it("publishes an image whose content is what its name says, and names the mismatch otherwise", () => {
    expect(judgeImage("map.png", png)).toBeUndefined();
    expect(judgeImage("map.PNG", png)).toBeUndefined();
    expect(judgeImage("map.jpg", png)).toEqual({ message: "map.jpg is named as a JPEG image, but it is a PNG image", fix: "rename it to end in .png" });
    expect(judgeImage("page.png", Buffer.from("<!DOCTYPE html><script>alert(1)</script>"))).toEqual({ message: "page.png is named as a PNG image, but its content is not one", fix: "save it again as a PNG image" });
    expect(judgeImage("x.svg.html", svg("<rect/>"))?.fix).toBe("rename it to end in .svg");
  });

  it("checks a drawing's text as a page's: garbled text, and characters nobody can see, written or by number, at their line and column", async () => {
    const drawing = '<svg xmlns="http://www.w3.org/2000/svg">\n  <title>Caf\u00C3\u00A9 hours</title>\n  <text x="1" y="9">Open \u202Eycilop</text>\n  <text x="1" y="19">Closed &#x202E;syadnus &#160;&#233;</text>\n</svg>\n';
    expect((await checkedProblems({ "images/hours.svg": drawing })).filter((line) => line.startsWith("images/"))).toEqual([
      'images/hours.svg:2:13 error: "Ã©" is garbled text (UTF-8 read with the wrong encoding) — replace it with "é"',
      "images/hours.svg:3:26 error: there is a hidden text-direction control (U+202E) here, which nobody can see — delete it: put the cursor just after it and press Backspace, or retype the word",
      "images/hours.svg:4:29 error: a character reference here stands for a hidden text-direction control (U+202E), which nobody can see — delete the reference",
    ]);
  });
});
