import { z } from "zod";

/**
 * What accounts for one documented command, the single list:
 * - run: a scenario step runs it and a claim judges that step;
 * - unjudged: a step runs it but no claim judges the outcome (does not count as run);
 * - platform / not-here: an exclusion of that kind matches it;
 * - unaccounted: nothing does.
 */
export const CommandStatus = z.enum(["run", "unjudged", "platform", "not-here", "unaccounted"]);

/**
 * What accounts for a block, from its commands. A block is judged as a whole: its commands that
 * run count once a claim judges any of them. Run when every command runs and a claim judges one;
 * platform when every command is another platform's; excluded when every command is run or
 * excluded but not all run; unaccounted when a command is neither, or nothing judges what ran.
 */
export const BlockStatus = z.enum(["run", "platform", "excluded", "unaccounted"]);

export type CommandStatus = z.infer<typeof CommandStatus>;
export type BlockStatus = z.infer<typeof BlockStatus>;

export function blockStatus(commands: readonly CommandStatus[]): BlockStatus {
  const judged = commands.includes("run");
  if (commands.every((status) => status === "platform")) return "platform";
  if (commands.includes("unaccounted") || (!judged && commands.includes("unjudged"))) return "unaccounted";
  if (commands.every((status) => status === "run" || status === "unjudged")) return "run";
  return "excluded";
}
