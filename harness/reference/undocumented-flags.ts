import type { DocReference } from "../docs/references.ts";
import { type CliTree, judgeCommand } from "./cli-tree.ts";

/** The tree's path of each command as the docs write it (`openclaw models auth login` → `models auth login`), once per command. */
function treePaths(tree: CliTree): (command: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (command) => {
    if (!known.has(command)) {
      const verdict = judgeCommand(tree, command, []);
      known.set(command, verdict.known ? verdict.command.replace(/^openclaw ?/, "") : undefined);
    }
    return known.get(command);
  };
}

/**
 * The long options each documented command takes (its completion script says so) that no page
 * of the set names for it: findings, not failures — the docs may leave an option out on purpose.
 * A flag a page names with no command counts as named for every command. Only commands the
 * pages document are looked at; `--help` is everyone's. A script that ties options to command
 * names only (one `get` for every command so named) cannot say which command takes what: then
 * one finding says so instead of a list that would be wrong.
 */
export function undocumentedFlags(references: DocReference[], tree: CliTree): string[] {
  if (!tree.exact) return ["the completion script ties options to command names, not paths, so the options no page names are not listed for this version"];
  const pathOf = treePaths(tree);
  const named = new Map<string, Set<string>>();
  const everywhere = new Set<string>();
  const documented = new Set<string>();
  for (const reference of references) {
    if (reference.kind === "command") {
      const path = pathOf(reference.name);
      if (path !== undefined) documented.add(path);
    } else if (reference.kind === "flag" && reference.command === undefined) {
      everywhere.add(reference.name);
    } else if (reference.kind === "flag") {
      const path = pathOf(reference.command!);
      if (path !== undefined) named.set(path, (named.get(path) ?? new Set()).add(reference.name));
    }
  }
  return [...documented]
    .sort()
    .flatMap((path) => {
      const options = [...(tree.commands.get(path) ?? [])].filter((option) => option.startsWith("--") && option !== "--help");
      const missing = options.filter((option) => !named.get(path)?.has(option) && !everywhere.has(option)).sort();
      return missing.length ? [`openclaw${path ? ` ${path}` : ""} takes ${missing.join(", ")}, which no page of the set names (${missing.length} of its ${options.length} options)`] : [];
    });
}
