import { plainText } from "../sut/command-result.ts";
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
  /** The step's command has ended: whatever the person was still waiting for will not come. */
  end(): void;
  /** What the person did (undefined: nothing to act on). */
  result(): Promise<ActorOutcome | undefined>;
}

/** The person's browser: requests go through the edge, so the journal shows them as the actor's. */
export interface Browser {
  fetch(request: Request): Promise<Response>;
}

/** A terminal code that has begun but not ended at the end of the output so far. */
const unfinishedCode = /\x1b(?:\[[0-9;?<=>!]*[ -/]*|\][^\x07\x1b]*|[ -/]*)?$/;

/**
 * A terminal's text as a person reads it, with everything printed so far (a rolling window over
 * every chunk, not one chunk): terminal codes stripped from the whole, and a code cut off at the
 * end of a chunk held back until its end arrives, so neither a prompt nor a code split between
 * chunks is lost. Actors wait on it until something appears.
 */
export class Screen {
  text = "";
  private raw = "";
  private ended = false;
  private waiters: { pattern: RegExp; resolve: (match: RegExpExecArray | undefined) => void }[] = [];

  append(chunk: string): void {
    this.raw += chunk;
    this.text = plainText(this.raw.replace(unfinishedCode, ""));
    this.waiters = this.waiters.filter((waiter) => {
      const match = waiter.pattern.exec(this.text);
      if (match) waiter.resolve(match);
      return !match;
    });
  }

  /** Resolves when the screen shows the pattern, or with undefined once the command has ended. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray | undefined> {
    const match = pattern.exec(this.text);
    if (match || this.ended) return Promise.resolve(match ?? undefined);
    return new Promise((resolve) => this.waiters.push({ pattern, resolve }));
  }

  /** No more output will come: release whoever waits. */
  end(): void {
    this.ended = true;
    this.waiters.forEach((waiter) => waiter.resolve(undefined));
    this.waiters = [];
  }
}
