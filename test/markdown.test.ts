import { describe, expect, it } from "vitest";
import { md } from "../src/markdown/markdown.ts";

describe("md(): the site's one markdown-it instance", () => {
  it("gives h2 to h4 readable ids and a permalink whose text names the section", () => {
    expect(md().render("### Code coordinators")).toBe(
      '<h3 id="code-coordinators">Code coordinators</h3>\n' +
        '<a class="heading-anchor" href="#code-coordinators" data-pagefind-ignore=""><span class="sr-only">Link to the section “Code coordinators”</span> <span aria-hidden="true">#</span></a>',
    );
  });

  it("leaves h1 and h5 without an id (the layout owns the h1)", () => {
    expect(md().render("# Title\n\n##### Small")).toBe("<h1>Title</h1>\n<h5>Small</h5>\n");
  });

  it("keeps ids unique when two sections share a heading", () => {
    const html = md().render("## Duties\n\n## Duties");
    expect(html).toContain('id="duties"');
    expect(html).toContain('id="duties-1"');
  });

  it("adds an 'On this page' list before the first section of a page with three sections", () => {
    const html = md().render("Intro\n\n## One\n\n## Two\n\n## Three");
    expect(html).toBe(
      "<p>Intro</p>\n" +
        '<nav class="toc" aria-labelledby="toc-title" data-pagefind-ignore>\n<h2 id="toc-title" class="toc-title">On this page</h2>\n<ul>\n' +
        '<li><a href="#one">One</a></li>\n<li><a href="#two">Two</a></li>\n<li><a href="#three">Three</a></li>\n</ul>\n</nav>\n' +
        '<h2 id="one">One</h2>\n<a class="heading-anchor" href="#one" data-pagefind-ignore=""><span class="sr-only">Link to the section “One”</span> <span aria-hidden="true">#</span></a>' +
        '<h2 id="two">Two</h2>\n<a class="heading-anchor" href="#two" data-pagefind-ignore=""><span class="sr-only">Link to the section “Two”</span> <span aria-hidden="true">#</span></a>' +
        '<h2 id="three">Three</h2>\n<a class="heading-anchor" href="#three" data-pagefind-ignore=""><span class="sr-only">Link to the section “Three”</span> <span aria-hidden="true">#</span></a>',
    );
  });

  it("gives a page with two sections no table of contents", () => {
    expect(md().render("## One\n\n## Two")).not.toContain("toc");
  });

  it("renders tables with header cells", () => {
    expect(md().render("| Role | Agency |\n|---|---|\n| Coordinator | CDT |")).toBe(
      "<table>\n<thead>\n<tr>\n<th>Role</th>\n<th>Agency</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>Coordinator</td>\n<td>CDT</td>\n</tr>\n</tbody>\n</table>\n",
    );
  });

  it("renders fenced code escaped, with its language as a class", () => {
    expect(md().render("```json\n{\"a\": \"<b>\"}\n```")).toBe('<pre><code class="language-json">{&quot;a&quot;: &quot;&lt;b&gt;&quot;}\n</code></pre>\n');
  });

  it("replaces a data block line with what its renderer draws, and passes it the argument", () => {
    const markdown = md({ blocks: { duties: (role) => `<ul><li>${role}</li></ul>\n` } });
    expect(markdown.render("Intro\n\n{{ duties: product-owner }}\n\nAfter")).toBe("<p>Intro</p>\n<ul><li>product-owner</li></ul>\n<p>After</p>\n");
  });

  it("leaves braces inside a sentence alone", () => {
    expect(md().render("Write {{ agencies }} on a line of its own.")).toBe("<p>Write {{ agencies }} on a line of its own.</p>\n");
  });

  it("parses pathological input in linear time", () => {
    const started = performance.now();
    md().render("[".repeat(20_000) + "## x\n".repeat(2_000) + "{{ ".repeat(10_000));
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
