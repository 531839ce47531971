import type { Actor, ActorOutcome, Browser } from "./actor.ts";
import { Screen } from "./actor.ts";

// Each must be followed by something that ends it (a space, a line end, a bracket or quote): the
// end of the text so far may be the middle of a URL or a code still on its way. Terminals wrap
// URLs in <…>, (…) or quotes and end sentences after them; none of that is part of the URL.
const urlPattern = /(https:\/\/auth\.openai\.com\/[^\s<>"'`()[\]]*device[^\s<>"'`()[\]]*?)[.,;:!?]*(?=[\s<>"'`()[\]])/;
const codePattern = /(?<![A-Z0-9-])([A-Z0-9]{4}-[A-Z0-9]{4,5})(?=[^A-Z0-9-])/;

/**
 * The person the device-code login talks to: reads the verification URL and the code from the
 * terminal, opens the URL and enters the code there, as the docs ask. Nothing is auto-approved.
 */
export class DeviceCodeUser implements Actor {
  private readonly screen = new Screen();
  private approval?: Promise<ActorOutcome>;
  private readonly browser: Browser;

  constructor(browser: Browser) {
    this.browser = browser;
  }

  /** It acts once both the URL and the code are on screen. */
  read(chunk: string): void {
    if (this.approval) return;
    this.screen.append(chunk);
    const url = urlPattern.exec(this.screen.text)?.[1];
    const code = codePattern.exec(this.screen.text)?.[1];
    if (url && code) this.approval = this.enter(url, code);
  }

  private async enter(verificationUrl: string, userCode: string): Promise<ActorOutcome> {
    const response = await this.browser.fetch(
      new Request(verificationUrl, { method: "POST", body: new URLSearchParams({ user_code: userCode }), headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    return {
      actor: "device-code-user",
      approved: response.ok,
      actions: [`opened ${verificationUrl} and entered ${userCode}: ${response.status}`],
    };
  }

  /** Nothing to release: it never waits on the terminal. */
  end(): void {}

  result(): Promise<ActorOutcome | undefined> {
    return this.approval ?? Promise.resolve(undefined);
  }
}
