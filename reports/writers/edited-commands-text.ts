import type { EditedCommand } from "../../harness/coverage/edited-commands.ts";
import { describeEditedDocs, type EditedDocs } from "../../harness/docs/edited-docs.ts";

/** What an edit touches on one version: its docs tree, the commands it changed, and the run that checks them. */
export interface EditTouches {
  version: string;
  docs: EditedDocs;
  commands: EditedCommand[];
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The scenarios to run for an edit, and the command that runs exactly those on the edited tree. */
export function runForEdit({ version, docs, commands }: EditTouches): { scenarios: string[]; run?: string } {
  const scenarios = [...new Set(commands.flatMap((command) => command.scenarios))].sort();
  return { scenarios, ...(scenarios.length ? { run: `npm run conformance -- --openclaw ${version} --docs ${docs.dir} --scenario ${scenarios.join(",")}` } : {}) };
}

/** One changed command: `~ file:line  old → new`, `+ file:line  new`, `- file:line  old (removed)`. */
function change({ file, was, now }: EditedCommand): { mark: string; at: string; text: string } {
  if (was && now) return { mark: "~", at: `${file}:${now.line}`, text: `${was.command} → ${now.command}${was.line !== now.line ? ` (was :${was.line})` : ""}` };
  if (now) return { mark: "+", at: `${file}:${now.line}`, text: now.command };
  return { mark: "-", at: `${file}:${was!.line}`, text: `${was!.command} (removed)` };
}

const runBy = (command: EditedCommand) => (command.scenarios.length ? `run by ${command.scenarios.join(", ")}` : "run by no scenario");

/** For a terminal: the edited tree, each changed command with the scenarios that run it, and the run to do. */
export function editTouchesText(touches: EditTouches): string {
  const { scenarios, run } = runForEdit(touches);
  const lines = [`  ${describeEditedDocs(touches.docs)}`];
  if (!touches.commands.length) lines.push("  no documented command changed");
  for (const command of touches.commands) {
    const { mark, at, text } = change(command);
    lines.push(`  ${mark} ${at}  ${text}  · ${runBy(command)}`);
  }
  if (run) lines.push(`  run them (${scenarios.length}): ${run}`);
  return lines.join("\n");
}

/** For a pull request's summary: the same as a table. */
export function editTouchesMarkdown(touches: EditTouches): string {
  const { scenarios, run } = runForEdit(touches);
  const rows = touches.commands.map((command) => {
    const { mark, at, text } = change(command);
    return `| ${mark} | \`${at}\` | \`${cell(text)}\` | ${command.scenarios.join(", ") || "—"} |`;
  });
  return [
    `### What this edit touches on openclaw ${touches.version}`,
    "",
    describeEditedDocs(touches.docs),
    "",
    ...(rows.length ? ["| | where | command | run by |", "|---|---|---|---|", ...rows] : ["No documented command changed."]),
    ...(run ? ["", `Run the ${scenarios.length} scenario(s) that follow them: \`${run}\``] : []),
  ].join("\n");
}
