import { existsSync } from "node:fs";
import { join } from "node:path";
import { diffArrays } from "diff";
import type { BlockCommand } from "../docs/block-commands.ts";
import type { EditedDocs } from "../docs/edited-docs.ts";
import type { LoadedScenario } from "../scenario/load-scenarios.ts";
import { docBlocks } from "./doc-blocks.ts";
import { type DocCommandRun, planRuns } from "./scenario-runs.ts";

/** A documented command an edit changed: what it was and where, what it is now and where, and the scenarios that run either. */
export interface EditedCommand {
  file: string;
  was?: BlockCommand;
  now?: BlockCommand;
  scenarios: string[];
}

/** Every command of a page's blocks, in page order; none when the page is not in that tree. */
const commandsOf = (root: string, page: string): BlockCommand[] => (existsSync(join(root, page)) ? docBlocks(root, [page]).flatMap((block) => block.commands) : []);

/** The scenarios whose steps run the command at this line of this file. */
const runners = (runs: readonly DocCommandRun[], file: string, command?: BlockCommand) =>
  command ? runs.filter((run) => run.file === file && run.lines.includes(command.line)).map((run) => run.scenario) : [];

/**
 * The commands an edited docs tree changed against a version's packaged docs, page by page: a
 * command whose text changed (old → new, paired in order within a changed stretch), one added,
 * one removed. Each names the scenarios that run it, in the packaged docs or in the edited tree:
 * the scenarios to run for the edit. Starts nothing.
 */
export function editedCommands(edited: EditedDocs, packagedRoot: string, version: string, scenarios: LoadedScenario[]): EditedCommand[] {
  const pages = [...edited.changed, ...edited.added, ...edited.removed];
  if (!pages.length) return [];
  const runsBefore = planRuns(scenarios, packagedRoot, version).runs;
  const runsAfter = planRuns(scenarios, edited.dir, version).runs;
  return pages.flatMap((page) => {
    const file = `docs/${page}`;
    const before = commandsOf(packagedRoot, page);
    const after = commandsOf(edited.dir, page);
    const changed: EditedCommand[] = [];
    let [i, j] = [0, 0];
    const parts = diffArrays(before.map(({ command }) => command), after.map(({ command }) => command));
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (!part.added && !part.removed) {
        [i, j] = [i + part.count!, j + part.count!];
        continue;
      }
      // A stretch removed then added is a stretch rewritten: its commands pair up in order.
      const removed = part.removed ? before.slice(i, (i += part.count!)) : [];
      const next = part.removed && parts[k + 1]?.added ? parts[++k]! : part.added ? part : undefined;
      const added = next ? after.slice(j, (j += next.count!)) : [];
      for (let n = 0; n < Math.max(removed.length, added.length); n++) {
        const was = removed[n];
        const now = added[n];
        changed.push({ file, ...(was ? { was } : {}), ...(now ? { now } : {}), scenarios: [...new Set([...runners(runsBefore, file, was), ...runners(runsAfter, file, now)])].sort() });
      }
    }
    return changed;
  });
}
