import { z } from "zod";

/**
 * The documented command behind a claim that did not hold, when a command failed: the claim's own
 * step exiting otherwise than expected (an unknown command or option, a crash), or, when its step
 * never got to show anything, the earlier step that failed first. What a reader looks at first.
 */
export const FailureCause = z.object({
  step: z.string(),
  /** The doc line the command came from (docs/…:N), or "the scenario" for its own command. */
  at: z.string(),
  command: z.string(),
  /** How it ended: "exit 1", "exit 124 (time limit)", "never ready". */
  ended: z.string(),
  /** Its first line that says what went wrong (banners and hints skipped), whole: reports cut it after redaction. */
  line: z.string(),
  /** The claim's step did not get there: this is an earlier step's failure. */
  earlier: z.boolean(),
});
export type FailureCause = z.infer<typeof FailureCause>;
