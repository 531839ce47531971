import { describe, expect, test } from "vitest";
import { BrowserUser } from "../../harness/actors/browser-user.ts";
import { DeviceCodeUser } from "../../harness/actors/device-code-user.ts";
import { TerminalUser } from "../../harness/actors/terminal-user.ts";
import { Captures } from "../../harness/scenario/captures.ts";

/** A keyboard that remembers what was typed. */
const keyboard = () => {
  const typed: string[] = [];
  return { typed, type: (text: string) => void typed.push(text) };
};

describe("the terminal user answers prompts in order, once each is on screen", () => {
  test("answers as the prompts appear, even split across chunks", async () => {
    const user = new TerminalUser([
      { when: "Continue\\? \\(y/n\\)", send: "y\r" },
      { when: "Name:", send: "main\r" },
    ]);
    const keys = keyboard();
    user.read("Welcome\nContin", keys);
    expect(keys.typed).toEqual([]);
    user.read("ue? (y/n) ", keys);
    user.read("Name: ", keys);
    expect(keys.typed).toEqual(["y\r", "main"]);
    user.read("main", keys);
    expect(keys.typed).toEqual(["y\r", "main", "\r"]);
    expect(await user.result()).toMatchObject({ actor: "terminal-user", approved: true });
  });

  test("typed text goes in first; Enter follows once the screen shows the field took it (a masked paste)", () => {
    const user = new TerminalUser([{ when: "Paste the token", send: "sk-ant-oat01-LONGTOKEN\r" }, { when: "Saved", send: "\x04" }]);
    const keys = keyboard();
    user.read("◆  Paste the token\n│  _", keys);
    expect(keys.typed).toEqual(["sk-ant-oat01-LONGTOKEN"]);
    user.read("│  ▪▪▪▪▪▪▪▪▪▪", keys);
    expect(keys.typed).toEqual(["sk-ant-oat01-LONGTOKEN", "\r"]);
    user.read("\nSaved", keys);
    expect(keys.typed.at(-1)).toBe("\x04");
  });

  test("a key and Enter (a space to tick, an arrow to move) go together, as one move", () => {
    const user = new TerminalUser([{ when: "Pick", send: "\x1b[B\r" }, { when: "Tick", send: " \r" }]);
    const keys = keyboard();
    user.read("Pick one", keys);
    user.read("\nTick some", keys);
    expect(keys.typed).toEqual(["\x1b[B\r", " \r"]);
  });

  test("a prompt that never shows is said, and the person did not get through", async () => {
    const user = new TerminalUser([{ when: "Name:", send: "main\r" }]);
    user.read("Error: boom\n", keyboard());
    expect(await user.result()).toEqual({ actor: "terminal-user", approved: false, actions: ["never saw /Name:/"] });
  });

  test("an earlier prompt's text does not answer a later one", () => {
    const user = new TerminalUser([
      { when: "Token:", send: "a\r" },
      { when: "Token:", send: "b\r" },
    ]);
    const keys = keyboard();
    user.read("Token: ", keys);
    expect(keys.typed).toEqual(["a\r"]);
    user.read("a\nToken: ", keys);
    expect(keys.typed).toEqual(["a\r", "b\r"]);
  });
});

describe("the browser user approves and brings the redirect home", () => {
  const authorize = "https://auth.openai.com/oauth/authorize?response_type=code&client_id=app_X&state=s1";
  const redirect = "http://localhost:1455/auth/callback?code=ac_1&state=s1";
  const browser = {
    fetch: async (request: Request) =>
      request.method === "POST" ? new Response(null, { status: 302, headers: { location: redirect } }) : new Response("consent", { status: 200 }),
  };

  test("to localhost:1455 inside the SUT when OpenClaw listens there", async () => {
    const delivered: string[] = [];
    const user = new BrowserUser(browser, { listening: async () => true, getInside: async (url) => (delivered.push(url), "200") });
    user.read(`Open this URL:\n${authorize}\n`, keyboard());
    expect(await user.result()).toMatchObject({ actor: "browser-user", approved: true });
    expect(delivered).toEqual([redirect]);
  });

  test("pasted at the prompt when nothing listens, and only once the prompt shows", async () => {
    const keys = keyboard();
    const user = new BrowserUser(browser, { listening: async () => false, getInside: async () => "unused" });
    user.read(`Open this URL:\n${authorize}\n`, keys);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(keys.typed).toEqual([]);
    user.read("◆  Paste the authorization code (or full redirect URL):", keys);
    expect(await user.result()).toMatchObject({ approved: true });
    expect(keys.typed).toEqual([`${redirect}\r`]);
  });

  test("a paste prompt that never comes does not leave the person waiting", async () => {
    const user = new BrowserUser(browser, { listening: async () => false, getInside: async () => "unused" });
    user.read(`Open this URL:\n${authorize}\n`, keyboard());
    await new Promise((resolve) => setTimeout(resolve, 10));
    user.end();
    expect(await user.result()).toMatchObject({ approved: false, actions: expect.arrayContaining([expect.stringContaining("ended without asking")]) });
  });

  test("a copy of the URL with a part elided (…) is passed over for the whole copy, and the report says so", async () => {
    const delivered: string[] = [];
    const user = new BrowserUser(browser, { listening: async () => true, getInside: async (url) => (delivered.push(url), "200") });
    const masked = authorize.replace("response_type=code", "response_type=co…de");
    user.read(`Open this URL in your LOCAL browser:\n\n${masked}\n`, keyboard());
    user.read(`│  Open this URL in your LOCAL browser:  │\n│  ${authorize}  │\n`, keyboard());
    const outcome = await user.result();
    expect(outcome).toMatchObject({ approved: true, actions: expect.arrayContaining([expect.stringContaining('passed over 1 copy of the authorize URL printed with a part elided ("…")')]) });
    expect(delivered).toEqual([redirect]);
  });

  test("a URL printed only with a part elided cannot be opened: not approved, named", async () => {
    const user = new BrowserUser(browser, { listening: async () => true, getInside: async () => "200" });
    user.read(`${authorize.replace("client_id=app_X", "client_id=app_X…Y")}\n`, keyboard());
    user.end();
    expect(await user.result()).toMatchObject({ approved: false, actions: [expect.stringContaining("printed only with a part elided")] });
  });

  test("a URL cut between two chunks is not taken half", async () => {
    const opened: string[] = [];
    const user = new BrowserUser({ fetch: async (request) => (opened.push(request.url), new Response("no", { status: 400 })) }, { listening: async () => false, getInside: async () => "" });
    user.read(authorize.slice(0, 60), keyboard());
    expect(opened).toEqual([]);
    user.read(`${authorize.slice(60)}\n`, keyboard());
    expect(await user.result()).toMatchObject({ approved: false });
    expect(opened).toEqual([authorize]);
  });
});

describe("actors read the whole screen, not one chunk", () => {
  const entered: string[] = [];
  const browser = { fetch: async (request: Request) => (entered.push(`${request.url} ${await request.text()}`), new Response("ok")) };

  test("a device code split between two chunks is entered whole", async () => {
    entered.length = 0;
    const user = new DeviceCodeUser(browser);
    user.read("Open https://auth.openai.com/codex/device and enter ABCD-1234");
    expect(entered).toEqual([]);
    user.read("5\n");
    expect(await user.result()).toMatchObject({ approved: true, actions: ["opened https://auth.openai.com/codex/device and entered ABCD-12345: 200"] });
  });

  test("a verification URL split between two chunks is opened whole", async () => {
    entered.length = 0;
    const user = new DeviceCodeUser(browser);
    user.read("Code: WXYZ-9876\nURL: https://auth.openai.com/co");
    user.read("dex/device.\n");
    await user.result();
    expect(entered).toEqual(["https://auth.openai.com/codex/device user_code=WXYZ-9876"]);
  });

  test.each([
    ["in angle brackets", "Open <https://auth.openai.com/codex/device> and enter WXYZ-98765\n"],
    ["in quotes, then a full stop", 'Open "https://auth.openai.com/codex/device". Code: WXYZ-98765\n'],
    ["in parentheses", "Enter WXYZ-98765 (https://auth.openai.com/codex/device)\n"],
  ])("a verification URL %s is opened without its brackets", async (_, screen) => {
    entered.length = 0;
    const user = new DeviceCodeUser(browser);
    user.read(screen);
    await user.result();
    expect(entered).toEqual(["https://auth.openai.com/codex/device user_code=WXYZ-98765"]);
  });

  test("a colour code split between chunks does not hide the code", async () => {
    entered.length = 0;
    const user = new DeviceCodeUser(browser);
    user.read("URL: https://auth.openai.com/codex/device\nCode: \x1b[1");
    user.read(";32mQRST-5555\x1b[0m\n");
    expect(await user.result()).toMatchObject({ approved: true });
    expect(entered).toEqual(["https://auth.openai.com/codex/device user_code=QRST-5555"]);
  });

  test("a prompt split inside a colour code is answered", () => {
    const user = new TerminalUser([{ when: "Continue\\? \\(y/n\\)", send: "y\r" }]);
    const keys = keyboard();
    user.read("\x1b[36mCont\x1b", keys);
    user.read("[0m\x1b[1minue? \x1b[22", keys);
    expect(keys.typed).toEqual([]);
    user.read("m(y/n) ", keys);
    expect(keys.typed).toEqual(["y\r"]);
  });
});

test("captured values are pasted where {{name}} stands; unknown ones are named", () => {
  const captures = new Captures();
  expect(captures.take("Profile: openai-codex:user@example.com\n", { profile: "Profile: (\\S+)", missing: "Token: (\\S+)" })).toEqual({
    profile: "openai-codex:user@example.com",
  });
  expect(captures.paste("openclaw models auth order set {{profile}}")).toBe("openclaw models auth order set openai-codex:user@example.com");
  expect(captures.unknownIn("{{profile}} {{missing}}")).toEqual(["missing"]);
});
