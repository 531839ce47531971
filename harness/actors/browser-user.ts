import type { Keyboard } from "../sut/sut-container.ts";
import type { Actor, ActorOutcome, Browser } from "./actor.ts";
import { Screen } from "./actor.ts";

/** The machine the person sits at: the SUT's own namespace, where localhost:1455 is OpenClaw's. */
export interface SutMachine {
  listening(port: number): Promise<boolean>;
  getInside(url: string): Promise<string>;
}

// Followed by whitespace or a bracket, so a URL cut between two chunks of output is not taken
// half, and the <…> or quotes a terminal puts around it are not taken with it.
const authorizeUrls = /(https:\/\/auth\.openai\.com\/oauth\/authorize\?[^\s<>"'`]*client_id=app_[^\s<>"'`]+)(?=[\s<>"'`])/g;
// OpenClaw's log redaction sometimes elides part of a copy of the URL ("…"), when a run of its
// random code_challenge looks like a known token: a person sees the gap and takes a whole copy.
const isMasked = (url: string) => url.includes("…");
const pastePrompt = /paste the (authorization code|redirect url)/i;

/**
 * The person the browser login talks to: opens the authorize URL the terminal prints, approves
 * on the consent page, and brings the redirect home. If OpenClaw listens on the callback port it
 * is delivered there, from inside the SUT's namespace, as the local browser would; otherwise it
 * is pasted at the prompt, as the docs say for remote machines.
 */
export class BrowserUser implements Actor {
  private readonly screen = new Screen();
  private signIn?: Promise<ActorOutcome>;
  private readonly browser: Browser;
  private readonly machine: SutMachine;
  /** Copies of the authorize URL printed with a part elided, which no browser can open. */
  private masked: string[] = [];

  constructor(browser: Browser, machine: SutMachine) {
    this.browser = browser;
    this.machine = machine;
  }

  read(chunk: string, keyboard: Keyboard): void {
    this.screen.append(chunk);
    if (this.signIn) return;
    const urls = [...this.screen.text.matchAll(authorizeUrls)].map((match) => match[1]!);
    this.masked = urls.filter(isMasked);
    const url = urls.find((candidate) => !isMasked(candidate));
    if (url) this.signIn = this.approve(url, keyboard, this.masked.length);
  }

  private async approve(url: string, keyboard: Keyboard, maskedBefore: number): Promise<ActorOutcome> {
    const actions: string[] = maskedBefore ? [`passed over ${maskedBefore} copy of the authorize URL printed with a part elided ("…"); took the whole copy below it`] : [];
    const page = await this.browser.fetch(new Request(url));
    actions.push(`opened the authorize URL: ${page.status}`);
    if (!page.ok) return { actor: "browser-user", approved: false, actions };
    const consent = await this.browser.fetch(new Request(url, { method: "POST" }));
    const redirect = consent.headers.get("location");
    actions.push(`approved on the consent page: ${consent.status}${redirect ? ` → ${new URL(redirect).origin}${new URL(redirect).pathname}` : ""}`);
    if (!redirect) return { actor: "browser-user", approved: false, actions };
    const port = Number(new URL(redirect).port);
    if (await this.machine.listening(port)) {
      const status = await this.machine.getInside(redirect);
      actions.push(`the browser followed the redirect to localhost:${port} inside the SUT: ${status}`);
      return { actor: "browser-user", approved: status === "200", actions };
    }
    if (!(await this.screen.waitFor(pastePrompt))) {
      actions.push("nothing listens on the callback port, and the command ended without asking for the redirect URL");
      return { actor: "browser-user", approved: false, actions };
    }
    keyboard.type(`${redirect}\r`);
    actions.push("nothing listens on the callback port; pasted the redirect URL at the prompt");
    return { actor: "browser-user", approved: true, actions };
  }

  end(): void {
    this.screen.end();
  }

  result(): Promise<ActorOutcome | undefined> {
    if (!this.signIn && this.masked.length) {
      return Promise.resolve({ actor: "browser-user", approved: false, actions: [`the authorize URL was printed only with a part elided ("…"), which no browser can open: ${this.masked[0]}`] });
    }
    return this.signIn ?? Promise.resolve(undefined);
  }
}
