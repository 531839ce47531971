import type { Keyboard } from "../sut/sut-container.ts";

export type ActorName = "device-code-user" | "browser-user" | "terminal-user";

/** What the person did during one step, in their own words, and whether they got through. */
export interface ActorOutcome {
  actor: ActorName;
  approved: boolean;
  actions: string[];
}

/**
 * The person the docs talk to, played by the harness. It watches the step's terminal and acts
 * on what it shows: at the browser (through the edge, journaled as the actor) or at the keyboard.
 */
export interface Actor {
  read(chunk: string, keyboard: Keyboard): void;
  /** Once the step's command has ended: what the person did (undefined: nothing to act on). */
  result(): Promise<ActorOutcome | undefined>;
}

/** The person's browser: requests go through the edge, so the journal shows them as the actor's. */
export interface Browser {
  fetch(request: Request): Promise<Response>;
}

/** Accumulates a terminal's text and lets an actor wait until something appears on it. */
export class Screen {
  text = "";
  private waiters: { pattern: RegExp; resolve: (match: RegExpExecArray) => void }[] = [];

  append(chunk: string): void {
    this.text += chunk;
    this.waiters = this.waiters.filter((waiter) => {
      const match = waiter.pattern.exec(this.text);
      if (match) waiter.resolve(match);
      return !match;
    });
  }

  /** Resolves when the screen shows the pattern; never, if it never does (the step's timeout ends it). */
  waitFor(pattern: RegExp): Promise<RegExpExecArray> {
    const match = pattern.exec(this.text);
    if (match) return Promise.resolve(match);
    return new Promise((resolve) => this.waiters.push({ pattern, resolve }));
  }
}
