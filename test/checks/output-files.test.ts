import { describe, expect, it } from "vitest";
import { checkedProblems } from "../helpers.ts";

const page = (title: string, extra = "") => `---\ntitle: ${title}\ndescription: A page.\n${extra}---\n\nText.\n`;

describe("addresses that would clash in the output folder", () => {
  it("two addresses written to one file", async () => {
    expect(await checkedProblems({ "again.md": page("Again", "permalink: /contact/index.html\n"), "old.md": page("Old", "redirect_from: [/index.html]\n") })).toEqual([
      "again.md:4 error: /contact/index.html would be written to the same file as /contact/ — use /contact/ only, or choose another address",
      "old.md:4 error: /index.html would be written to the same file as / — use / only, or choose another address",
    ]);
  });

  it("an address that needs a folder where the site has a file", async () => {
    expect(await checkedProblems({ "sitemap.xml.md": page("Sitemap notes"), "moved.md": page("Moved", "redirect_from: [/images/map.png/]\n") })).toEqual([
      "sitemap.xml.md:1 error: /sitemap.xml/ needs a folder where the site has the file /sitemap.xml — choose another address",
      "moved.md:4 error: /images/map.png/ needs a folder where the site has the file /images/map.png — choose another address",
    ]);
  });

  it("an address longer than a sitemap takes, and than a file's path may be once in the output folder", async () => {
    const deep = `/${`${"a".repeat(200)}/`.repeat(11)}`;
    expect(await checkedProblems({ "deep.md": page("Deep", `permalink: ${deep}\n`), "moved.md": page("Moved", `redirect_from:\n  - ${deep}\n`) })).toEqual([
      'deep.md:4:12 error: "permalink" is 2212 characters long, more than the 2000 it may have — shorten it to at most 2000 characters',
      'moved.md:5:5 error: the first entry of "redirect_from" is 2212 characters long, more than the 2000 it may have — shorten it to at most 2000 characters',
    ]);
  });

  it("an address inside a folder the site fills itself", async () => {
    expect(await checkedProblems({ "find.md": page("Find", "redirect_from: [/pagefind/pagefind.js/]\n") })).toEqual([
      "find.md:4 error: /pagefind/pagefind.js/ is inside /pagefind/, which the site fills with files of its own — choose another address",
    ]);
  });

  it("two addresses that differ only in capitals, which Windows, macOS and some hosts write to one file", async () => {
    expect(await checkedProblems({ "old.md": page("Old", "redirect_from: [/Search/, /Contact/, /PAGEFIND/x.html, /Assets/a.html]\n"), "images/Map.png": Buffer.from("89504e470d0a1a0a0000000d", "hex") })).toEqual([
      'images/Map.png:1 warning: the file name "Map.png" has capital letters, so the image\'s address would be /images/Map.png — rename the file "map.png"',
      "images/Map.png:1 error: /images/Map.png would be written to the same file as /images/map.png where capitals are not told apart (Windows, macOS, some hosts) — use /images/map.png only, or choose another address",
      "old.md:4 error: /Search/ would be written to the same file as /search/ where capitals are not told apart (Windows, macOS, some hosts) — use /search/ only, or choose another address",
      "old.md:4 error: /Contact/ would be written to the same file as /contact/ where capitals are not told apart (Windows, macOS, some hosts) — use /contact/ only, or choose another address",
      "old.md:4 error: /PAGEFIND/x.html is inside /pagefind/ (where capitals are not told apart), which the site fills with files of its own — choose another address",
      "old.md:4 error: /Assets/a.html is inside /assets/ (where capitals are not told apart), which the site fills with files of its own — choose another address",
    ]);
  });
});

describe("old addresses in letters beyond a-z, which disks that ignore capitals fold as Unicode does", () => {
  it("are one file with another when their capitals fold alike, or their accents are written two ways, and two otherwise", async () => {
    expect(
      await checkedProblems({
        "old.md": page("Old", "redirect_from: [/ſearch/, /aſſets/x/, /µ/, /es/año/]\n"),
        "older.md": page("Older", `redirect_from: [/μ/, /es/${"año".normalize("NFD")}/, /ΑΣ/, /ας/, /straße/, /strasse/]\n`),
      }),
    ).toEqual([
      "old.md:4 error: /ſearch/ would be written to the same file as /search/ where capitals are not told apart (Windows, macOS, some hosts) — use /search/ only, or choose another address",
      "old.md:4 error: /aſſets/x/ is inside /assets/ (where capitals are not told apart), which the site fills with files of its own — choose another address",
      "older.md:4 error: /μ/ would be written to the same file as /µ/ where capitals are not told apart (Windows, macOS, some hosts) — use /µ/ only, or choose another address",
      `older.md:4 error: /es/${"año".normalize("NFD")}/ would be written to the same file as /es/año/ on macOS, which reads a letter written two ways (ñ, or n and a combining ~) as one — use /es/año/ only, or choose another address`,
      "older.md:4 error: /ας/ would be written to the same file as /ΑΣ/ where capitals are not told apart (Windows, macOS, some hosts) — use /ΑΣ/ only, or choose another address",
    ]);
  });
});

describe("image names, which become addresses", () => {
  const png = Buffer.from("89504e470d0a1a0a0000000d", "hex");

  it("refuses a name no browser could ask for, or one hard to type, and says what to rename it", async () => {
    const named = (name: string) => ({ [`images/${name}`]: png });
    expect(await checkedProblems({ ...named("a#b.png"), ...named("a%2e.png"), ...named("city hall.png"), ...named("a\\b.png"), ...named("ünï.png"), ...named("Maps/x.png") })).toEqual([
      'images/a\\b.png:1 error: the file name "a\\b.png" has characters other than letters, digits, hyphens, underscores, @ and dots, so the image\'s address would be /images/a\\b.png — rename the file "a-b.png"',
      'images/a#b.png:1 error: the file name "a#b.png" has characters other than letters, digits, hyphens, underscores, @ and dots, so the image\'s address would be /images/a#b.png — rename the file "a-b.png"',
      'images/a%2e.png:1 error: the file name "a%2e.png" has characters other than letters, digits, hyphens, underscores, @ and dots, so the image\'s address would be /images/a%2e.png — rename the file "a-2e.png"',
      'images/city hall.png:1 error: the file name "city hall.png" has a space in it, so the image\'s address would be /images/city hall.png — rename the file "city-hall.png"',
      'images/Maps/x.png:1 warning: the folder name "Maps" has capital letters, so the image\'s address would be /images/Maps/x.png — rename the folder "maps"',
      'images/ünï.png:1 error: the file name "ünï.png" has characters other than letters, digits, hyphens, underscores, @ and dots, so the image\'s address would be /images/ünï.png — rename the file "uni.png"',
    ]);
  });

  it("refuses a file or folder named as Windows names a device, which no Windows computer can hold, drafts too, and says what to rename it", async () => {
    const page = "---\ntitle: Con\ndescription: A page.\n---\n\nText.\n";
    const files = {
      "con.md": page,
      "aux.old/notes.md": page.replace("Con", "Notes"),
      "lpt1.md": page.replace("Con", "Draft").replace("---\n\n", "draft: true\n---\n\n"),
      "images/nul.v2.png": png,
      "images/com1/x.png": png,
      "console.md": page.replace("Con", "Console"),
      "images/lpt.png": png,
    };
    const windows = (place: string, what: string, name: string, device: string, renamed: string) =>
      `${place}:1 error: the ${what} name "${name}" is one Windows keeps for a device (${device}), so the repository could not be copied to a Windows computer to edit it — rename the ${what}, such as "${renamed}"`;
    expect(await checkedProblems(files)).toEqual([
      windows("aux.old", "folder", "aux.old", "AUX", "aux-pages.old"),
      windows("con.md", "file", "con.md", "CON", "con-page.md"),
      windows("images/com1", "folder", "com1", "COM1", "com1-images"),
      windows("images/nul.v2.png", "file", "nul.v2.png", "NUL", "nul-image.v2.png"),
      windows("lpt1.md", "file", "lpt1.md", "LPT1", "lpt1-page.md"),
    ]);
  });

  it("publishes the names images are given: an underscore, and @2x for sharper screens", async () => {
    expect(await checkedProblems({ "images/logo@2x.png": png, "images/team_photo.png": png, "images/seal.v2.png": png })).toEqual([]);
  });

  it("warns of capitals, the extension's too, as a camera writes them", async () => {
    expect(await checkedProblems({ "images/IMG_0042.JPG": Buffer.from("ffd8ffe0", "hex"), "images/route.PNG": png })).toEqual([
      'images/IMG_0042.JPG:1 warning: the file name "IMG_0042.JPG" has capital letters, so the image\'s address would be /images/IMG_0042.JPG — rename the file "img-0042.jpg"',
      'images/route.PNG:1 warning: the file name "route.PNG" has capital letters, so the image\'s address would be /images/route.PNG — rename the file "route.png"',
    ]);
  });
});

describe("the inventory list", () => {
  it("names an acronym listed twice, in any case, whose pages would be written twice", async () => {
    expect(await checkedProblems({ "_data/inventories.yaml": "- file: a.json\n  name: Agency A\n  acronym: CDT\n- file: b.json\n  name: Agency B\n  acronym: cdt\n" })).toContain(
      '_data/inventories.yaml:6:12 error: the acronym "cdt" is listed twice (first on line 3) — list each agency\'s inventory once',
    );
  });
});
