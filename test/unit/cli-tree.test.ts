import { describe, expect, test } from "vitest";
import type { DocReference } from "../../harness/docs/references.ts";
import { judgeCommand, parseFishCompletion } from "../../harness/reference/cli-tree.ts";
import { undocumentedFlags } from "../../harness/reference/undocumented-flags.ts";

// Excerpts in the two idioms the OpenClaw CLIs print for `completion --shell fish`.
const byPath = [
  `complete -c openclaw -n "__openclaw_command_path_matches" -s V -l version -d 'output the version number'`,
  `complete -c openclaw -n "__openclaw_command_path_matches" -l profile -r -d 'Profile'`,
  `complete -c openclaw -n "__openclaw_command_path_matches" -a "models" -d 'Model configuration'`,
  `complete -c openclaw -n "__openclaw_command_path_matches" -a "doctor" -d 'Health checks'`,
  `complete -c openclaw -n "__openclaw_command_path_matches doctor" -l fix -d 'Apply recommended repairs'`,
  `complete -c openclaw -n "__openclaw_command_path_matches doctor" -l no-workspace-suggestions -d 'Disable'`,
  `complete -c openclaw -n "__openclaw_command_path_matches models" -a "auth" -d 'Credentials'`,
  `complete -c openclaw -n "__openclaw_command_path_matches models auth" -l agent -r -d 'Agent id'`,
  `complete -c openclaw -n "__openclaw_command_path_matches models auth" -a "login" -d 'Sign in'`,
  `complete -c openclaw -n "__openclaw_command_path_matches models auth login" -l device-code -d 'Use the device-code method'`,
  `complete -c openclaw -n "__openclaw_command_path_matches completion" -s s -l shell -r -f -a "'zsh' 'fish'" -d 'Shell'`,
].join("\n");

const byName = [
  "function __openclaw_helper",
  "  # not a completion line",
  "end",
  `complete -c openclaw -n "__fish_use_subcommand" -a "models" -d 'Model configuration'`,
  `complete -c openclaw -n "__fish_use_subcommand" -a "infer" -d 'Inference'`,
  `complete -c openclaw -n "__fish_seen_subcommand_from models" -a "auth" -d 'Credentials'`,
  `complete -c openclaw -n "__fish_seen_subcommand_from infer" -a "auth" -d 'Inference credentials'`,
  `complete -c openclaw -n "__fish_seen_subcommand_from auth" -a "login" -d 'Sign in'`,
  `complete -c openclaw -n "__fish_seen_subcommand_from login" -l provider -d 'Provider id'`,
  `complete -c openclaw -n "__fish_seen_subcommand_from login" -l method -d 'Method id'`,
].join("\n");

describe("a version's command tree from its fish completion", () => {
  test("by path: each command with its own options, the program's at ''", () => {
    const tree = parseFishCompletion(byPath);
    expect(tree.exact).toBe(true);
    expect([...tree.commands.keys()].sort()).toEqual(["", "completion", "doctor", "models", "models auth", "models auth login"]);
    expect([...tree.commands.get("")!]).toEqual(["--version", "-V", "--profile"]);
    expect([...tree.commands.get("completion")!]).toEqual(["--shell", "-s"]);
  });

  test("by name: paths rebuilt from the program down, each name's options shared (not exact)", () => {
    const tree = parseFishCompletion(byName);
    expect(tree.exact).toBe(false);
    expect([...tree.commands.keys()].sort()).toEqual(["", "infer", "infer auth", "infer auth login", "models", "models auth", "models auth login"]);
    expect([...tree.commands.get("models auth login")!]).toEqual(["--provider", "--method"]);
  });
});

describe("a documented command judged against the tree", () => {
  const tree = parseFishCompletion(byPath);

  test("subcommands while the tree has them; flags of the command, its parents, or built in", () => {
    expect(judgeCommand(tree, "openclaw models auth login", ["--device-code", "--agent", "--profile", "--help"])).toEqual({ known: true, command: "openclaw models auth login", unknownFlags: [] });
    expect(judgeCommand(tree, "openclaw doctor", ["--no-workspace-suggestions", "--lint", "--repair"])).toEqual({ known: true, command: "openclaw doctor", unknownFlags: ["--lint", "--repair"] });
  });

  test("a word that is not a subcommand of a command that has some is a missing command, with what is offered", () => {
    expect(judgeCommand(tree, "openclaw models authx login", [])).toEqual({ known: false, command: "openclaw models authx", missing: "authx", under: "openclaw models", offered: ["auth"] });
    expect(judgeCommand(tree, "openclaw setup", [])).toMatchObject({ known: false, missing: "setup", under: "openclaw" });
  });

  test("words after a command without subcommands are its positionals", () => {
    expect(judgeCommand(tree, "openclaw doctor now please", ["--fix"])).toEqual({ known: true, command: "openclaw doctor", unknownFlags: [] });
  });

  test("by name, a flag of any command of that name is accepted (lenient), never refused wrongly", () => {
    const lenient = parseFishCompletion(byName);
    expect(judgeCommand(lenient, "openclaw infer auth login", ["--method"])).toEqual({ known: true, command: "openclaw infer auth login", unknownFlags: [] });
    expect(judgeCommand(lenient, "openclaw models auth login", ["--device-code"])).toMatchObject({ unknownFlags: ["--device-code"] });
  });
});

describe("options a documented command takes that no page names", () => {
  const tree = parseFishCompletion(byPath);
  const ref = (kind: "command" | "flag", name: string, command?: string): DocReference => ({ kind, name, ...(command ? { command } : {}), page: "cli/doctor.md", file: "docs/cli/doctor.md", line: 1, unit: "sentence", text: "x" });

  test("listed per documented command, long options only; a flag named with no command counts for every command", () => {
    const references = [ref("command", "openclaw doctor"), ref("flag", "--fix", "openclaw doctor"), ref("command", "openclaw models auth login"), ref("flag", "--profile")];
    expect(undocumentedFlags(references, tree)).toEqual([
      "openclaw doctor takes --no-workspace-suggestions, which no page of the set names (1 of its 2 options)",
      "openclaw models auth login takes --device-code, which no page of the set names (1 of its 1 options)",
    ]);
  });

  test("a command no page documents is not looked at; a fully documented one gives nothing", () => {
    expect(undocumentedFlags([ref("command", "openclaw models auth login"), ref("flag", "--device-code", "openclaw models auth login")], tree)).toEqual([]);
  });

  test("a script that ties options to names only gives one finding saying why nothing is listed", () => {
    expect(undocumentedFlags([ref("command", "openclaw models auth login")], parseFishCompletion(byName))).toEqual([
      "the completion script ties options to command names, not paths, so the options no page names are not listed for this version",
    ]);
  });
});
