import { describe, expect, test } from "vitest";
import type { DocReference } from "../../harness/docs/references.ts";
import { parseFishCompletion } from "../../harness/reference/cli-tree.ts";
import { parseHelp } from "../../harness/reference/help-text.ts";
import { helpToConfirm, judgeReferences } from "../../harness/reference/judge-references.ts";

const tree = parseFishCompletion(
  [
    `complete -c openclaw -n "__openclaw_command_path_matches" -a "doctor" -d 'Health'`,
    `complete -c openclaw -n "__openclaw_command_path_matches" -a "migrate" -d 'Migrate'`,
    `complete -c openclaw -n "__openclaw_command_path_matches" -a "browser" -d 'Browser'`,
    `complete -c openclaw -n "__openclaw_command_path_matches doctor" -l fix -d 'Repair'`,
    `complete -c openclaw -n "__openclaw_command_path_matches migrate" -a "list" -d 'List'`,
    `complete -c openclaw -n "__openclaw_command_path_matches migrate" -l dry-run -d 'Plan only'`,
    `complete -c openclaw -n "__openclaw_command_path_matches browser" -l json -d 'JSON'`,
  ].join("\n"),
);

const help = (usage: string, options: string[], commands: string[] = []) =>
  [`\nOpenClaw 2026.9.6 (abc) — tagline\n`, `Usage: ${usage}`, "", "Options:", ...options.map((option) => `  ${option}   what it does`), "  -h, --help   Display help for command", ...(commands.length ? ["", "Commands:", ...commands.map((command) => `  ${command}   what it does`)] : [])].join("\n");

let line = 0;
const ref = (kind: DocReference["kind"], name: string, extra: Partial<DocReference> = {}): DocReference => ({ kind, name, page: "cli/doctor.md", file: "docs/cli/doctor.md", line: ++line, unit: "sentence", text: `a sentence naming ${name}`, ...extra });

describe("commander's --help", () => {
  test("the command, its arguments, options and subcommands", () => {
    expect(parseHelp(help("openclaw migrate [options] [command] [provider]", ["--dry-run", "--from <path>"], ["list", "apply|run [options]"]))).toEqual({
      command: "openclaw migrate", takesArguments: true, options: ["--dry-run", "--from", "-h", "--help"], commands: ["list", "apply", "run"],
    });
    expect(parseHelp(help("openclaw doctor [options]", ["--fix"]))?.takesArguments).toBe(false);
    expect(parseHelp("The `openclaw policy` command is provided by the \"policy\" plugin")).toBeUndefined();
  });
});

describe("documented commands and flags, judged against the version's CLI", () => {
  test("the completion script settles what it lists; --help is asked only about the rest", () => {
    const references = [
      ref("command", "openclaw doctor"),
      ref("flag", "--fix", { command: "openclaw doctor", attribution: "with-command" }),
      ref("flag", "--lint", { command: "openclaw doctor", attribution: "with-command" }),
      ref("command", "openclaw migrate codex"),
      ref("command", "openclaw policy"),
    ];
    expect(helpToConfirm(references, tree)).toEqual(["openclaw doctor", "openclaw migrate codex", "openclaw policy"]);
    const helps = new Map([
      ["openclaw doctor", help("openclaw doctor [options]", ["--fix"])],
      ["openclaw migrate codex", help("openclaw migrate [options] [command] [provider]", ["--dry-run"], ["list"])],
      ["openclaw policy", "The `openclaw policy` command is provided by the \"policy\" plugin, but that bundled plugin is disabled by default."],
    ]);
    const verdicts = Object.fromEntries(judgeReferences(references, tree, helps).map((verdict) => [verdict.id, verdict]));
    expect(verdicts["command-doctor"]).toMatchObject({ held: true, observed: ["✓ openclaw doctor is a command of this version"] });
    expect(verdicts["flag-doctor--fix"]).toMatchObject({ held: true, observed: ["✓ openclaw doctor takes --fix"] });
    expect(verdicts["flag-doctor--lint"]).toMatchObject({ held: false, confirmedBy: "openclaw doctor --help", observed: ["✗ openclaw doctor takes no --lint; no command of this version does"] });
    expect(verdicts["command-migrate-codex"]).toMatchObject({ held: true, observed: ['✓ openclaw migrate is a command of this version, taking "codex" as its argument (its --help)'] });
    expect(verdicts["command-policy"]).toMatchObject({ held: false, observed: [expect.stringMatching(/^✗ openclaw policy is no command of this version: its --help printed no usage, but "The `openclaw policy` command is provided by the "policy" plugin/)] });
  });

  test("a missing subcommand is drift that names what the parent offers", () => {
    const references = [ref("command", "openclaw migrate lisst")];
    const helps = new Map([["openclaw migrate lisst", help("openclaw migrate [options] [command]", ["--dry-run"], ["list", "help [command]"])]]);
    expect(judgeReferences(references, tree, helps)[0]).toMatchObject({ held: false, observed: ['✗ openclaw migrate has no command "lisst" (its commands: list)'] });
  });

  test("a command whose --help is a sibling's is another name of it (commander shows only the first alias); one at another depth is not", () => {
    const references = [ref("command", "openclaw chat"), ref("flag", "--session", { command: "openclaw chat", attribution: "with-command" }), ref("command", "openclaw models chatx")];
    const helps = new Map([
      ["openclaw chat", help("openclaw tui|terminal [options]", ["--session <key>"])],
      ["openclaw models chatx", help("openclaw tui|terminal [options]", ["--session <key>"])],
    ]);
    expect(judgeReferences(references, tree, helps).map(({ held, observed }) => [held, observed[0]])).toEqual([
      [true, "✓ openclaw chat is a command of this version, another name of openclaw tui (its --help)"],
      [true, "✓ openclaw tui takes --session (its --help)"],
      [false, '✗ openclaw tui has no command "chatx" (its commands: none)'],
    ]);
  });

  test("a flag written with its command is that command's; one only in its section is any command's", () => {
    const references = [
      ref("flag", "--json", { command: "openclaw doctor", attribution: "with-command" }),
      ref("flag", "--dry-run", { command: "openclaw doctor", attribution: "section" }),
      ref("flag", "--nope", { command: "openclaw doctor", attribution: "section" }),
    ];
    const helps = new Map([["openclaw doctor", help("openclaw doctor [options]", ["--fix"])]]);
    const verdicts = judgeReferences(references, tree, helps);
    expect(verdicts.map(({ id, held, observed }) => [id, held, observed[0]])).toEqual([
      ["flag-doctor--json", false, "✗ openclaw doctor takes no --json (openclaw browser does)"],
      ["flag-doctor--dry-run", true, "✓ --dry-run is taken by openclaw migrate (the page lists it in openclaw doctor's section)"],
      ["flag-doctor--nope", false, "✗ openclaw doctor takes no --nope; no command of this version does"],
    ]);
  });

  test("a reviewed exclusion takes a name out on its pages only; places naming the same thing are one claim", () => {
    const references = [
      ref("flag", "--max-old-space-size", { command: "openclaw doctor", attribution: "section", page: "cli/gateway/service.md" }),
      ref("flag", "--fix", { command: "openclaw doctor", attribution: "with-command" }),
      ref("flag", "--fix", { command: "openclaw doctor", attribution: "section", file: "docs/cli/other.md", line: 99 }),
    ];
    const verdicts = judgeReferences(references, tree, new Map(), [{ name: "--max-old-space-size", page: "cli/gateway/*.md", why: "Node.js's own flag" }]);
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ id: "flag-doctor--fix", alsoAt: 1, file: "docs/cli/doctor.md" });
  });

  test("a flag named with no command must be some command's, settled by the completion script alone; an exclusion may list several names", () => {
    const references = [ref("flag", "--fix"), ref("flag", "--device-code"), ref("flag", "--no-onboard", { page: "install/installer.md" })];
    const exclusions = [{ name: ["--npm", "--no-onboard"], page: "install/*.md", why: "the installer script's own options" }];
    expect(helpToConfirm(references, tree, exclusions)).toEqual([]);
    expect(judgeReferences(references, tree, new Map(), exclusions).map(({ id, held, observed }) => [id, held, observed[0]])).toEqual([
      ["flag-openclaw--fix", true, "✓ --fix is taken by openclaw doctor (the page names no command with it)"],
      ["flag-openclaw--device-code", false, "✗ no command of this version takes --device-code (the page names no command with it)"],
    ]);
  });

  test("what --help was never asked about is not judged held", () => {
    expect(judgeReferences([ref("command", "openclaw policy")], tree, new Map())[0]).toMatchObject({ held: false });
  });
});
