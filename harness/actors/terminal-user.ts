import type { Keyboard } from "../sut/sut-container.ts";
import type { Actor, ActorOutcome } from "./actor.ts";
import { Screen } from "./actor.ts";

export interface ScriptedAnswer {
  when: string;
  send: string;
}

/** Typed text (not a key like Space or an arrow) and then Enter: `Skip\r`, a pasted token. */
const typedThenEnter = /^([^\x00-\x1f\x7f ][^\x00-\x1f\x7f]+)\r$/;

/**
 * The person at the keyboard of an interactive command: answers its prompts in order, each once
 * the screen shows it (text that came after the previous answer). Approved when every prompt
 * the scenario expected was shown and answered. Text and Enter are two moves, as for a person:
 * the text goes in, and Enter follows once the screen has shown the field take it (a masked
 * field redraws per character; an Enter inside a long paste can be lost).
 */
export class TerminalUser implements Actor {
  private readonly screen = new Screen();
  private readonly answers: ScriptedAnswer[];
  private answered = 0;
  /** Where the text after the last answer starts. */
  private seenUpTo = 0;
  private readonly actions: string[] = [];
  /** Enter, waiting for the screen to show the text typed before it. */
  private enterPending = false;

  constructor(answers: ScriptedAnswer[]) {
    this.answers = answers;
  }

  read(chunk: string, keyboard: Keyboard): void {
    this.screen.append(chunk);
    if (this.enterPending) {
      keyboard.type("\r");
      this.enterPending = false;
      this.seenUpTo = this.screen.text.length;
      return;
    }
    for (let next = this.answers[this.answered]; next; next = this.answers[this.answered]) {
      const fresh = this.screen.text.slice(this.seenUpTo);
      const match = new RegExp(next.when).exec(fresh);
      if (!match) return;
      const typed = typedThenEnter.exec(next.send)?.[1];
      keyboard.type(typed ?? next.send);
      this.actions.push(`saw "${match[0]}", typed ${JSON.stringify(next.send)}`);
      this.seenUpTo += match.index + match[0].length;
      this.answered += 1;
      if (typed !== undefined) {
        this.enterPending = true;
        return;
      }
    }
  }

  /** Nothing to release: it never waits on the terminal. */
  end(): void {}

  async result(): Promise<ActorOutcome> {
    const missing = this.answers.slice(this.answered).map((answer) => `never saw /${answer.when}/`);
    return { actor: "terminal-user", approved: missing.length === 0, actions: [...this.actions, ...missing] };
  }
}
