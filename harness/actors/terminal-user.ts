import type { Keyboard } from "../sut/sut-container.ts";
import type { Actor, ActorOutcome } from "./actor.ts";
import { Screen } from "./actor.ts";

export interface ScriptedAnswer {
  when: string;
  send: string;
}

/**
 * The person at the keyboard of an interactive command: answers its prompts in order, each once
 * the screen shows it (text that came after the previous answer). Approved when every prompt
 * the scenario expected was shown and answered.
 */
export class TerminalUser implements Actor {
  private readonly screen = new Screen();
  private readonly answers: ScriptedAnswer[];
  private answered = 0;
  /** Where the text after the last answer starts. */
  private seenUpTo = 0;
  private readonly actions: string[] = [];

  constructor(answers: ScriptedAnswer[]) {
    this.answers = answers;
  }

  read(chunk: string, keyboard: Keyboard): void {
    this.screen.append(chunk);
    for (let next = this.answers[this.answered]; next; next = this.answers[this.answered]) {
      const fresh = this.screen.text.slice(this.seenUpTo);
      const match = new RegExp(next.when).exec(fresh);
      if (!match) return;
      keyboard.type(next.send);
      this.actions.push(`saw "${match[0]}", typed ${JSON.stringify(next.send)}`);
      this.seenUpTo += match.index + match[0].length;
      this.answered += 1;
    }
  }

  /** Nothing to release: it never waits on the terminal. */
  end(): void {}

  async result(): Promise<ActorOutcome> {
    const missing = this.answers.slice(this.answered).map((answer) => `never saw /${answer.when}/`);
    return { actor: "terminal-user", approved: missing.length === 0, actions: [...this.actions, ...missing] };
  }
}
