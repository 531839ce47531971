import { z } from "zod";

/**
 * What accounts for one documented command, the single list:
 * - run: a scenario step runs it and a claim judges what it did;
 * - substituted: a step runs it and a claim judges it, but the command cannot do its job here and
 *   a stand-in of the harness did it instead (`substitute:`): not run, whatever was judged;
 * - unjudged: a step runs it but no claim judges the outcome: nothing accounts for it;
 * - platform / upstream / not-here: an exclusion of that kind matches it;
 * - unaccounted: nothing does.
 */
export const CommandStatus = z.enum(["run", "substituted", "unjudged", "platform", "upstream", "not-here", "unaccounted"]);

/**
 * What accounts for a block, from its commands. A block is run only when every command in it is
 * run and judged. Platform when every command is another platform's; upstream when every command
 * is another platform's or an unreachable upstream artifact's; unaccounted when a command is
 * neither run, judged nor excluded; substituted when every command is run or substituted;
 * excluded otherwise (some commands run, the others excluded with a reason).
 */
export const BlockStatus = z.enum(["run", "substituted", "platform", "upstream", "excluded", "unaccounted"]);

export type CommandStatus = z.infer<typeof CommandStatus>;
export type BlockStatus = z.infer<typeof BlockStatus>;

export function blockStatus(commands: readonly CommandStatus[]): BlockStatus {
  const all = (...statuses: CommandStatus[]) => commands.every((status) => statuses.includes(status));
  if (all("platform")) return "platform";
  if (all("platform", "upstream")) return "upstream";
  if (commands.includes("unaccounted") || commands.includes("unjudged")) return "unaccounted";
  if (all("run")) return "run";
  if (all("run", "substituted")) return "substituted";
  return "excluded";
}

/**
 * What answers for one promise of the docs (a sentence, list item or table row of the page set
 * that names a command, flag, config key or environment variable in inline code), the single list:
 * - effect: a scenario's claim quotes it and judges what it says happens;
 * - reference: a reference suite checks that every name in it exists, nothing more;
 * - excluded: a reviewed promise exclusion says why nothing judges it, and of which kind;
 * - unaccounted: nothing does.
 * A reference check never counts as judging an effect.
 */
export const PromiseStatus = z.enum(["effect", "reference", "excluded", "unaccounted"]);
export type PromiseStatus = z.infer<typeof PromiseStatus>;
