import { symlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { argumentMistake, commonArgs, prefixMistake } from "../scripts/args.ts";
import { checkInProcess, fixtures, root, runScript, tempDir } from "./helpers.ts";

const options = ["content", "output", "since", "strict"];

describe("a mistake on the command line, in plain words", () => {
  it("an option given no value", () => {
    expect(argumentMistake("Option '--content <value>' argument missing", options)).toBe("--content is given no value — write the value after it, as the list below shows");
  });

  it("an option followed by another instead of its value", () => {
    const said = "Option '--since' argument is ambiguous.\nDid you forget to specify the option argument for '--since'?\nTo specify an option argument starting with a dash use '--since=-XYZ'.";
    expect(argumentMistake(said, options)).toBe('--since is given no value: another option follows it — write the value after it; a value that starts with "-" as --since=VALUE');
  });

  it("a word without its --, with the option meant", () => {
    expect(argumentMistake("Unexpected argument 'strict'. This command does not take positional arguments", options)).toBe('"strict" is not an option: options start with -- — did you mean --strict?');
    expect(argumentMistake("Unexpected argument 'build'. This command does not take positional arguments", options)).toBe('"build" is not an option: options start with -- — see how to use the command below');
  });

  it("a word that starts with -, such as a title, with how to give it", () => {
    const said = "Unknown option '-1'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"-1\"";
    expect(argumentMistake(said, options, "new")).toBe('-1… is read as an option, as it starts with - — to give a word that starts with -, write a second -- before it, after any options: npm run new -- [options] -- "-1…"');
  });

  it("a mistyped option, with the nearest one", () => {
    expect(argumentMistake("Unknown option '--contnet'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--contnet\"", options)).toBe(
      "--contnet is not an option of this command — did you mean --content?",
    );
    expect(argumentMistake("Unknown option '-x'", options)).toBe("-x is not an option of this command — see how to use the command below");
  });

  it("a whole address given as the path prefix, with the folder meant", () => {
    expect(prefixMistake("https://example.github.io/our-site")).toBe("the path prefix is the folder the site is served under, not its whole address — give /our-site/, and the address itself as url in settings.yaml");
    expect(prefixMistake("my site")).toBe('the path prefix "my site" is not a folder name an address can carry — use letters, digits and hyphens, such as /code-site/');
  });

  it("a day in SITE_TODAY that is not a day, before anything is built", async () => {
    const result = await runScript("build", ["--content", path.join(fixtures, "checks", "base"), "--output", path.join(tempDir(), "site")], { SITE_TODAY: "2026-02-30" });
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toMatch(/^error: SITE_TODAY is "2026-02-30", which is not a day — give a day as YYYY-MM-DD, such as \d{4}-\d{2}-\d{2}, or leave it unset for today$/);
  });

  it("what was typed is said on one line, and cannot drive the terminal", async () => {
    const result = await runScript("check", ["--content", path.join(fixtures, "checks", "base"), "--path-prefix", "/a\nb\u001b[31m/"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe('error: the path prefix "/a\\nb\\u001b[31m/" is not a folder name an address can carry — use letters, digits and hyphens, such as /code-site/');
    expect(result.stderr).not.toContain("\u001b");
  });

  it("--content given a page instead of its folder", async () => {
    const page = path.join(fixtures, "checks", "base", "contact.md");
    const result = await runScript("check", ["--content", page]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`error: ${page} is a file, not a folder — give --content (or SITE_CONTENT) the folder that holds the site's Markdown pages`);
  });

  it("--content given a folder that holds the generator, such as /, before anything is read", async () => {
    const result = await runScript("check", ["--content", "/"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe(`error: / holds the generator itself, not only the site's pages — give --content (or SITE_CONTENT) the folder that holds the site's Markdown pages, such as ${path.join(root, "content")}`);
    const linkToRoot = path.join(tempDir(), "site");
    symlinkSync("/", linkToRoot);
    const throughLink = await runScript("check", ["--content", linkToRoot]);
    expect(throughLink.code).toBe(2);
    expect(throughLink.stderr.split("\n")[0]).toMatch(/^error: \S+\/site holds the generator itself/);
  });

  it("reads the paths given from the folder the command was typed in, as npm tells it", async () => {
    const typedIn = path.join(fixtures, "checks");
    const started = { INIT_CWD: typedIn, npm_lifecycle_event: "check", npm_lifecycle_script: "node --import tsx scripts/check.ts" };
    const result = await runScript("check", ["--content", "base"], started);
    expect(result).toMatchObject({ code: 0, stdout: "Checked 2 pages: no errors.\n" });
    // The folder npm test was typed in is not that of a command a test starts.
    expect((await runScript("check", ["--content", "base"], { ...started, npm_lifecycle_script: "tsc --noEmit && vitest run" })).stderr).toContain(`there is no content folder at ${path.join(root, "base")}`);
  });

  it("an option npm took for itself, for want of a -- before it, and an option given an empty value", async () => {
    const started = { npm_lifecycle_event: "check", npm_lifecycle_script: "node --import tsx scripts/check.ts" };
    const withoutDashes = await runScript("check", [], { ...started, npm_config_strict: "true" });
    expect(withoutDashes.code).toBe(2);
    expect(withoutDashes.stderr.split("\n")[0]).toBe("error: --strict went to npm, not to the command: npm keeps for itself the options written before a -- — write -- before them, as in npm run check -- --strict …");
    const empty = await runScript("check", ["--since", ""]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.split("\n")[0]).toBe("error: --since is given an empty value — write the value after it, or leave the option out");
  });

  it("a branch to compare with that git does not know is said, not passed over", async () => {
    const result = await runScript("check", ["--content", path.join(fixtures, "checks", "base"), "--changed-since", "mian"]);
    expect(result.code).toBe(0);
    expect(result.stderr.split("\n")[0]).toBe('note: git knows no branch or commit "mian" here to compare with, so every problem is shown in full — give --changed-since a branch git knows (git branch -a lists them)');
  });

  it("a branch to compare with that starts with -, which git would read as one of its options, is refused", async () => {
    const result = await runScript("check", ["--content", path.join(fixtures, "checks", "base"), "--changed-since=--fork-point"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe('error: --changed-since is given "--fork-point", which starts with - and so is no branch\'s name — give the branch your change is compared with, such as main');
  });

  it("a branch git does not know is said once, not again on each of the preview's rebuilds", () => {
    const said = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const { focus } = commonArgs(["--content", path.join(fixtures, "checks", "base"), "--changed-since", "mian"], { writes: false });
      expect([focus(), focus(), focus()]).toEqual([undefined, undefined, undefined]);
      expect(said.mock.calls.map(([line]) => String(line))).toEqual([expect.stringMatching(/^note: git knows no branch or commit "mian" here/)]);
    } finally {
      said.mockRestore();
    }
  });

  it("check writes nothing, so an --output a build would refuse does not stop it", async () => {
    const result = await checkInProcess(["--content", path.join(fixtures, "checks", "base"), "--output", path.join(root, "src")]);
    expect(result.stderr).not.toContain("cannot be written there");
    expect(result.code).toBe(0);
  });
});
