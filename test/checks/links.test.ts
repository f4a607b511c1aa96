import { describe, expect, it } from "vitest";
import { privateHost } from "../../src/schema/private-addresses.ts";
import { resolveUrl } from "../../src/checks/references.ts";
import { SiteIndex } from "../../src/checks/site-index.ts";
import { checkedProblems } from "../helpers.ts";

describe("resolveUrl", () => {
  it("reads root-relative, relative and same-page addresses as the site's own", () => {
    expect(resolveUrl("/about/#mission", "/values/")).toEqual({ kind: "internal", path: "/about/", hash: "mission" });
    expect(resolveUrl("../community/", "/about/team/")).toEqual({ kind: "internal", path: "/about/community/", hash: "" });
    expect(resolveUrl("#objective", "/about/")).toEqual({ kind: "internal", path: "/about/", hash: "objective" });
  });
  it("knows other websites and other kinds of links", () => {
    expect(resolveUrl("https://cdt.ca.gov/", "/").kind).toBe("external");
    expect(resolveUrl("mailto:someone@example.gov", "/")).toEqual({ kind: "other", scheme: "mailto:" });
  });
  it("calls out addresses with spaces and missing parts", () => {
    expect(resolveUrl("getting%20started/", "/")).toMatchObject({ kind: "malformed", reason: "it has a space in it" });
    expect(resolveUrl("www.ca.gov", "/").kind).toBe("malformed");
    expect(resolveUrl("https:/ca.gov", "/").kind).toBe("malformed");
  });
});

describe("an address too long to use", () => {
  const tooLong = "it is 2,001 characters long, more than the 2,000 an address may have";

  it("is refused once, shown by its start, whether it is a link's or an image's, in Markdown or HTML", async () => {
    const long = (start: string) => start + "a".repeat(2001 - start.length);
    const page = `---\ntitle: Start\ndescription: A page.\n---\n\n[Plan](${long("/plans/")}) and ![Map](${long("/images/")})\n\n<p><a href="${long("https://example.com/")}">Other</a></p>\n`;
    const shown = (start: string) => `${start}${"a".repeat(100 - start.length)}…`;
    expect(await checkedProblems({ "start.md": page })).toEqual([
      `start.md:6:8 error: the link address "${shown("/plans/")}" is malformed: ${tooLong} — link to a shorter address`,
      `start.md:8:4 error: the link address "${shown("https://example.com/")}" is malformed: ${tooLong} — link to a shorter address`,
      `start.md:6:2022 error: the image address "${shown("/images/")}" is not valid: ${tooLong} — use the address of a file in content/images/, such as /images/map.png`,
    ]);
  });

  it("is counted in the characters the editor wrote, not the %-codes a letter beyond a-z becomes, and shown without cutting one in half", async () => {
    const wiki = `https://zh.wikipedia.org/wiki/${"加州".repeat(200)}`;
    const page = (link: string) => `---\ntitle: Start\ndescription: A page.\n---\n\nRead [the article](${link}) and <a href="${link}">the same article</a>.\n`;
    expect(await checkedProblems({ "start.md": page(wiki) })).toEqual([]);
    const smiles = `/${"😀".repeat(2000)}/`;
    expect(await checkedProblems({ "start.md": page(smiles) })).toEqual([
      `start.md:6:20 error: the link address "/${"😀".repeat(99)}…" is malformed: it is 2,002 characters long, more than the 2,000 an address may have — link to a shorter address`,
      `start.md:6:${20 + smiles.length + 6} error: the link address "/${"😀".repeat(99)}…" is malformed: it is 2,002 characters long, more than the 2,000 an address may have — link to a shorter address`,
    ]);
  });

  it("to the editor's own computer is named by its start there too", async () => {
    const local = `http://127.0.0.1:8080/${"a".repeat(2000)}`;
    const [said] = await checkedProblems({ "start.md": `---\ntitle: Start\ndescription: A page.\n---\n\n[Local](${local})\n` });
    expect(said).toBe(`start.md:6:9 error: the link to ${local.slice(0, 100)}… goes to your own computer (127.0.0.1), which readers cannot reach — link to the page's address on the site instead, such as /${"a".repeat(99)}…`);
  });
});

describe("malformed escapes", () => {
  it("are looked up as written instead of stopping the checks", () => {
    const index = new SiteIndex([]);
    expect(() => index.hasFile("/files/report%E0.pdf")).not.toThrow();
    expect(index.hasFile("/files/report%E0.pdf")).toBe(false);
  });
});

describe("an image whose address has a space", () => {
  it("is called an image, with the address it needs", async () => {
    expect(await checkedProblems({ "map.md": "---\ntitle: Map\ndescription: A map.\n---\n\nSee ![A map of offices](/images/Office Map.png) here.\n" })).toEqual([
      'map.md:6:5 error: "![A map of offices](/images/Office Map.png)" is not an image: its address has a space in it, so it shows as plain text — rename the image file with hyphens instead of spaces, and write its address so: /images/office-map.png',
    ]);
  });
});

describe("where a link is written", () => {
  const page = (body: string) => `---\ntitle: Start\ndescription: A page.\n---\n\n${body}\n`;

  it("is each link's own place, when a line holds the same address twice, or one address written with and without its escapes", async () => {
    expect(await checkedProblems({ "start.md": page("[One](/gide/) or [two](/gide/); [año](/a%C3%B1o/) or [año](/año/). ![Map](/images/mapa-año.png) ![Map](/images/mapa-a%C3%B1o.png)\n\n<p><a href=\"/gide/\">One</a> or <a href=\"/gide/\">two</a>.</p>") })).toEqual([
      'start.md:6:7 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:6:24 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:6:39 error: the link to "/a%C3%B1o/" goes to a page that does not exist — check the address, or create the page',
      'start.md:6:60 error: the link to "/año/" goes to a page that does not exist — check the address, or create the page',
      'start.md:8:4 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:8:32 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:6:75 error: the image "/images/mapa-año.png" does not exist — add the file to content/images/mapa-año.png, or correct the address',
      'start.md:6:104 error: the image "/images/mapa-a%C3%B1o.png" does not exist — add the file to content/images/mapa-año.png, or correct the address',
    ]);
  });
  it("is its address's place: after an image among its words, past its words and title, in a table's cell, and once each beside raw HTML", async () => {
    const body = [
      "[![Map](/images/nomap.png)](/gide/) ![Map](/images/nomap.png)",
      "[/gide/](/gide/) and [z](/gide/)",
      '[x](/gide/ "/gide/") [y](/gide/)',
      '[x](/gide/) <a href="/gide/">y</a> [z](/gide/)',
      "| Where | Map |\n|---|---|\n| [there](/gide/) | ![](https://maps.example/x.png) |",
    ];
    expect(await checkedProblems({ "start.md": page(body.join("\n\n")) })).toEqual([
      'start.md:6:29 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:8:10 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:8:26 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:10:5 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:10:26 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:12:5 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:12:40 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:16:11 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:12:13 error: the link to "/gide/" goes to a page that does not exist — check the address, or create the page',
      'start.md:6:9 error: the image "/images/nomap.png" does not exist — add the file to content/images/nomap.png, or correct the address',
      'start.md:6:44 error: the image "/images/nomap.png" does not exist — add the file to content/images/nomap.png, or correct the address',
      'start.md:16:25 error: the image "https://maps.example/x.png" has no alt text — describe what the image shows between the square brackets: ![A map of California](…)',
      "start.md:16:25 error: the image https://maps.example/x.png is loaded from another website — save a copy in content/images/ and link to it: pages load nothing from other servers",
    ]);
  });

  it("is its address's place with spaces inside the brackets, and an empty address is called empty", async () => {
    const body = ["[a]( /y/ ) and [b](/y/) and [c]( /y/ )", "[]() and ![]()", "[x][r] [y](/a/b/)", "[r]: /y/b/"];
    expect(await checkedProblems({ "start.md": page(body.join("\n\n")) })).toEqual([
      'start.md:6:6 error: the link to "/y/" goes to a page that does not exist — did you mean "/"?',
      'start.md:6:20 error: the link to "/y/" goes to a page that does not exist — did you mean "/"?',
      'start.md:6:34 error: the link to "/y/" goes to a page that does not exist — did you mean "/"?',
      'start.md:8:4 error: the link to "(empty)" has no text — write the words of the link between the square brackets',
      // A reference link, whose address is written below, is said at its line: it takes no other link's place.
      'start.md:10 error: the link to "/y/b/" goes to a page that does not exist — check the address, or create the page',
      'start.md:10:12 error: the link to "/a/b/" goes to a page that does not exist — check the address, or create the page',
      'start.md:8:14 error: the image "" has no alt text — describe what the image shows between the square brackets: ![A map of California](…)',
      "start.md:8:14 error: the image has no address — write the image's address between the round brackets, such as /images/map.png",
    ]);
  });

  it("is found in moments in a paragraph of 2,400 reference links, and on a line of 40,000 links each to its own address", async () => {
    const started = performance.now();
    const references = Array.from({ length: 2400 }, (_, i) => `[a][r${i}]`).join("\n") + "\n\n" + Array.from({ length: 2400 }, (_, i) => `[r${i}]: /r${i}/`).join("\n");
    expect(await checkedProblems({ "start.md": page(references) })).toHaveLength(2401);
    const distinct = await checkedProblems({ "start.md": page(Array.from({ length: 40_000 }, (_, i) => `[a](/ñ${i}/)`).join(" ")) });
    expect(distinct.filter((line) => line.includes("the link to"))).toHaveLength(40_000);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("is found in moments on a line of 50,000 links to the same address, written without its escapes", async () => {
    const started = performance.now();
    const problems = (await checkedProblems({ "start.md": page("[año](/año/) ".repeat(50_000)) })).filter((line) => line.includes("the link to"));
    expect(problems).toHaveLength(50_000);
    expect(problems.at(-1)).toMatch(/^start\.md:6:649994 error: the link to "\/año\/"/);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});

describe("a link to a computer no reader can reach", () => {
  it("is refused: the editor's own, as a preview's address is, or one on a private network, however the address is written", async () => {
    const body = "Read [about us](http://127.0.0.1:8080/about/), [the router](http://192.168.1.1/admin), [the host](http://0x7f.1/), [the name](https://intranet.localhost/) and [the agency](https://cdt.ca.gov/), or [the preview](http://[::1]:8080/about/).";
    expect(await checkedProblems({ "notes.md": `---\ntitle: Notes\ndescription: Notes.\n---\n\n${body}\n` })).toEqual([
      "notes.md:6:17 error: the link to http://127.0.0.1:8080/about/ goes to your own computer (127.0.0.1), which readers cannot reach — link to the page's address on the site instead, such as /about/",
      "notes.md:6:61 error: the link to http://192.168.1.1/admin goes to a computer on a private network (192.168.1.1), which readers cannot reach — link to its public address, or remove the link",
      "notes.md:6:99 error: the link to http://0x7f.1/ goes to your own computer (127.0.0.1), which readers cannot reach — link to the page's address on the site instead, such as /",
      "notes.md:6:127 error: the link to https://intranet.localhost/ goes to your own computer (intranet.localhost), which readers cannot reach — link to the page's address on the site instead, such as /",
      "notes.md:6:212 error: the link to http://[::1]:8080/about/ goes to your own computer (::1), which readers cannot reach — link to the page's address on the site instead, such as /about/",
    ]);
  });

  it("still has its words judged, as every link has", async () => {
    expect(await checkedProblems({ "notes.md": "---\ntitle: Notes\ndescription: Notes.\n---\n\nSee [click here](http://127.0.0.1:8080/about/).\n" })).toEqual([
      "notes.md:6:18 error: the link to http://127.0.0.1:8080/about/ goes to your own computer (127.0.0.1), which readers cannot reach — link to the page's address on the site instead, such as /about/",
      'notes.md:6:18 warning: the link text "click here" does not say where the link goes — use words that name the destination, such as the page\'s title',
    ]);
  });

  it("is told apart from a public one, however it is spelt, in both versions of the internet", () => {
    for (const address of ["http://10.0.0.5/", "http://172.31.255.255/", "http://169.254.169.254/latest/", "http://[::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://localhost./", "http://localhost%2e/", "http://vm:8765/", "http://router.local/", "https://wiki.internal/", "http://nas.home.arpa/", "http://[64:ff9b::7f00:1]/", "http://[::127.0.0.1]/", "http://[2002:7f00:1::]/", "http://198.18.0.1/", "http://192.0.0.8/", "http://[fec0::1]/", "http://[64:ff9b:1::a00:1]/"]) expect(privateHost(new URL(address)), address).toBeDefined();
    for (const address of ["https://cdt.ca.gov/", "http://172.32.0.1/", "http://8.8.8.8/", "http://[2001:db8::1]/", "https://localhost.example.com/"]) expect(privateHost(new URL(address)), address).toBeUndefined();
  });
});

describe("text that looks like a link but is not one", () => {
  it("names each such link on a line by itself, code-running addresses with spaces around them too", async () => {
    expect(await checkedProblems({ "notes.md": "---\ntitle: Notes\ndescription: Notes.\n---\n\nRead [the policy](technology letter.pdf), [this](javascript:alert(1)) and [that]( data:text/html,hi ).\n" })).toEqual([
      'notes.md:6:6 error: "[the policy](technology letter.pdf)" is not a link: its address has a space in it, so it shows as plain text — use an address without spaces: rename the page or file with hyphens, such as technology-letter.pdf',
      'notes.md:6:43 error: the link "javascript:alert(1)" runs code or embeds data — link to a page or a web address (https://…) instead',
      'notes.md:6:75 error: the link "data:text/html,hi" runs code or embeds data — link to a page or a web address (https://…) instead',
    ]);
  });

  it("reads a page of 100,000 brackets in one pass: each was once read to the end of the page, an hour's work", async () => {
    const started = performance.now();
    const runs = ["[", "![", "[a](", "[a](x ", "[a](javascript:"].map((run) => run.repeat(100_000 / run.length));
    const problems = await checkedProblems(Object.fromEntries(runs.map((run, i) => [`run-${i}.md`, `---\ntitle: Run\ndescription: A run of brackets.\n---\n\nStart. ${run}\n`])));
    expect(problems.filter((line) => line.includes(" error: "))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
