/**
 * The person the device-code login talks to: reads the verification URL and the code from the
 * terminal, opens the URL and enters the code there, as the docs ask. Nothing is auto-approved.
 */
export interface Browser {
  fetch(request: Request): Promise<Response>;
}

export interface DeviceCodeApproval {
  verificationUrl: string;
  userCode: string;
  status: number;
}

const urlPattern = /(https:\/\/auth\.openai\.com\/\S*device\S*)/;
const codePattern = /\b([A-Z0-9]{4}-[A-Z0-9]{4,5})\b/;

export class DeviceCodeUser {
  private terminal = "";
  private approval?: Promise<DeviceCodeApproval>;
  private readonly browser: Browser;

  constructor(browser: Browser) {
    this.browser = browser;
  }

  /** Feed it what the terminal shows; it acts once both the URL and the code are on screen. */
  read(chunk: string): void {
    if (this.approval) return;
    this.terminal += chunk;
    const url = urlPattern.exec(this.terminal)?.[1];
    const code = codePattern.exec(this.terminal)?.[1];
    if (url && code) this.approval = this.enter(url.replace(/[.,)]+$/, ""), code);
  }

  private async enter(verificationUrl: string, userCode: string): Promise<DeviceCodeApproval> {
    const response = await this.browser.fetch(
      new Request(verificationUrl, { method: "POST", body: new URLSearchParams({ user_code: userCode }), headers: { "content-type": "application/x-www-form-urlencoded" } }),
    );
    return { verificationUrl, userCode, status: response.status };
  }

  /** What the person did, if anything (undefined: the terminal never showed a URL and a code). */
  result(): Promise<DeviceCodeApproval | undefined> {
    return this.approval ?? Promise.resolve(undefined);
  }
}
