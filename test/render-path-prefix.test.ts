import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "parse5";
import { describe, expect, it } from "vitest";
import { prefixAddresses } from "../src/render/path-prefix.ts";
import { fixtures, runInProcess, tempDir } from "./helpers.ts";

describe("the path prefix, put before the site's own addresses", () => {
  it("prefixes addresses from the site's root, as a browser finds them, and leaves every other byte as it was", () => {
    const page = `<!DOCTYPE html><html><head><link rel="stylesheet" href="/assets/site.css"></head><body>
<a href="/about/">About</a> <a href='/a&amp;b/'>A&amp;B</a> <img src="/images/logo.png" alt=""><form action="/search/"><button formaction="/search/">Go</button></form>
<a href="about/">relative</a> <a href="./x/">dot</a> <a href="#top">top</a> <a href="https://example.gov/">other</a> <a href="//example.gov/">other</a> <a href="/\\example.gov/">other</a>
<p title='{"a":1}' data-x="/not/an/address">Kept</p><template><a href="/inside/">in</a></template><noscript><a href="/plain/">plain</a></noscript></body></html>`;
    expect(prefixAddresses(page, "/code-site/")).toBe(
      page
        .replace('href="/assets/', 'href="/code-site/assets/')
        .replace('href="/about/"', 'href="/code-site/about/"')
        .replace("href='/a&amp;b/'", 'href="/code-site/a&amp;b/"')
        .replace('src="/images/', 'src="/code-site/images/')
        .replace('action="/search/"', 'action="/code-site/search/"')
        .replace('formaction="/search/"', 'formaction="/code-site/search/"')
        .replace('href="/inside/"', 'href="/code-site/inside/"')
        .replace('href="/plain/"', 'href="/code-site/plain/"'),
    );
    expect(prefixAddresses(page, "/")).toBe(page);
    // An address read as a browser reads it: spaces around it dropped, but a no-break space kept (it is then relative).
    expect(prefixAddresses('<a href=" /about/ ">a</a><a href="&nbsp;/about/">b</a>', "/code-site/")).toBe('<a href="/code-site/about/">a</a><a href="&nbsp;/about/">b</a>');
    // A link the parser makes again in each <div> after it is still one link, written once.
    expect(prefixAddresses('<div><a href="/contact/">one</div><div>two</div><div>three</div>', "/code-site/")).toBe('<div><a href="/code-site/contact/">one</div><div>two</div><div>three</div>');
  });

  it("publishes, under a prefix, exactly the markup the checks passed: an attribute like JSON stays one attribute, a relative link stays relative", async () => {
    const content = path.join(tempDir(), "content");
    cpSync(path.join(fixtures, "sites", "second-site"), content, { recursive: true });
    // Eleventy's base plugin wrote the first attribute within single quotes, unescaped, and so the <meta> after it;
    // it wrote the link as javascript:alert(1)…, which a browser runs.
    const title = `{&quot;a&quot;:'><meta http-equiv=refresh content='0;url=https://attacker.invalid/'><x y='}`;
    writeFileSync(
      path.join(content, "attack.md"),
      `---\ntitle: Attack\ndescription: Markup the rewrite once read as other markup.\n---\n\nWrite to <a href="/contact/" title="${title}">the organizers</a> today.\n\nRead [the contact page](./javascript:alert(1)%2f%2f/%2e%2e/%2e%2e/contact/) now.\n`,
    );
    const output = path.join(tempDir(), "site");
    const result = await runInProcess("build", ["--content", content, "--output", output, "--path-prefix", "/code-site/"]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(path.join(output, "attack", "index.html"), "utf8");
    const elements: { tagName: string; attrs: { name: string; value: string }[] }[] = [];
    const walk = (node: { childNodes?: unknown[] } & Partial<(typeof elements)[number]>) => {
      if (node.tagName) elements.push(node as (typeof elements)[number]);
      for (const child of node.childNodes ?? []) walk(child as typeof node);
    };
    walk(parse(html) as never);
    expect(elements.filter((e) => e.tagName === "meta").map((e) => e.attrs.find((a) => a.name === "http-equiv")?.value)).not.toContain("refresh");
    const links = elements.filter((e) => e.tagName === "a").map((e) => Object.fromEntries(e.attrs.map((a) => [a.name, a.value])));
    expect(links).toContainEqual({ href: "/code-site/contact/", title: `{"a":'><meta http-equiv=refresh content='0;url=https://attacker.invalid/'><x y='}` });
    expect(links.map((link) => link.href)).toContain("./javascript:alert(1)%2f%2f/%2e%2e/%2e%2e/contact/");
  });
});
