import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { dir } from "tmp-promise";
import { describe, expect, test } from "vitest";
import { REDACTED, redact } from "../../harness/util/redact.ts";
import { redactPath, selectHeaders } from "../../mocks/edge/journal.ts";
import { SECRET_PARAMETER_NAMES } from "../../mocks/secrets.ts";
import { credentials, leakyOutput } from "../fixtures/redaction/credentials.ts";

describe("redact", () => {
  test.each([
    ["a JWT", `token ${credentials.jwt} end`, `token ${REDACTED} end`],
    ["a #token= fragment", "http://127.0.0.1:18789/#token=abc123def", `http://127.0.0.1:18789/#token=${REDACTED}`],
    ["an OAuth code and state in a query", "/auth/callback?code=ac_123&state=xyz", `/auth/callback?code=${REDACTED}&state=${REDACTED}`],
    ["a refresh token, whatever surrounds it", "refreshed with rt_AbCdEf0123456789xyz", `refreshed with ${REDACTED}`],
    ["an authorization code in the world's shape", "code ac_AbCdEf0123456789xyz spent", `code ${REDACTED} spent`],
    ["a --*-api-key flag", "openclaw onboard --mistral-api-key abc123 --json", `openclaw onboard --mistral-api-key ${REDACTED} --json`],
    ["a --*-token flag", "openclaw setup --remote-token=abc123", `openclaw setup --remote-token=${REDACTED}`],
    ["a --*-password flag", "openclaw setup --remote-password hunter2", `openclaw setup --remote-password ${REDACTED}`],
    ["user_code= and client_secret=", "user_code=ABCD-12345&client_secret=xyz", `user_code=${REDACTED}&client_secret=${REDACTED}`],
    ["a bearer token", "Authorization: Bearer abcdefgh12345", `Authorization: Bearer ${REDACTED}`],
    ["an API key", "OPENAI_API_KEY=sk-proj-abcdefghijklmnop1234", `OPENAI_API_KEY=${REDACTED}`],
    ["api_key= in any case", "API_KEY=hunter2hunter2", `API_KEY=${REDACTED}`],
    ["device_code=", "device_code=xyz789", `device_code=${REDACTED}`],
    ["a JSON credential", '{"refresh_token": "rt_1"}', `{"refresh_token": "${REDACTED}"}`],
    ["a token flag", "openclaw gateway run --token s3cret", `openclaw gateway run --token ${REDACTED}`],
  ])("%s", (_, text, expected) => expect(redact(text)).toBe(expected));

  test.each([
    ["a claim that looks for a token", 'output includes "#token="'],
    ["an exit code", "exit code 1 (expected 0)"],
    ["an already redacted header", "Bearer <redacted 11 chars>"],
    ["a flag without a value", "--token --json"],
  ])("leaves %s alone", (_, text) => expect(redact(text)).toBe(text));

  test("the journal and the reports blank the same names: one declaration", () => {
    const query = SECRET_PARAMETER_NAMES.map((name) => `${name}=v4lue`).join("&");
    expect(redactPath(new URL(`https://auth.openai.com/cb?${query}&scope=openid`))).toBe(`/cb?${SECRET_PARAMETER_NAMES.map((name) => `${name}=<redacted>`).join("&")}&scope=openid`);
    expect(redact(query)).toBe(SECRET_PARAMETER_NAMES.map((name) => `${name}=${REDACTED}`).join("&"));
    expect(selectHeaders(new Headers({ "chatgpt-account-id": "acct-1234" }))["chatgpt-account-id"]).toBe("<redacted 9 chars>");
  });

  test("a value known to be secret is redacted wherever it stands", () => {
    expect(redact("paste plainvalue here", ["plainvalue"])).toBe(`paste ${REDACTED} here`);
  });
});

/** Every file under a folder, as text. */
function filesUnder(root: string): { path: string; text: string }[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ path: join(entry.parentPath, entry.name), text: readFileSync(join(entry.parentPath, entry.name), "latin1") }));
}

test("no credential from a run reaches any report: run.json, JUnit, Allure results, the HTML report, a shard's blob, the console", { timeout: 120_000 }, async () => {
  const reports = await dir({ prefix: "ocf-redaction-", unsafeCleanup: true });
  try {
    // The main job's report writers, fed a scenario that printed every kind of credential.
    const run = await execa(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "--config", "test/fixtures/redaction/vitest.config.ts"], {
      reject: false,
      env: { OCF_REPORTS_DIR: reports.path, NO_COLOR: "1" },
    });
    expect(run.exitCode, "the fixture scenario is new drift, so its test fails").toBe(1);
    const html = await execa("node_modules/.bin/allure", ["generate", join(reports.path, "allure-results"), "--config", "reports/allurerc.mjs", "--output", join(reports.path, "allure-report")], { reject: false });
    expect(html.exitCode, html.stderr).toBe(0);

    const written = [...filesUnder(reports.path), { path: "console", text: `${run.stdout}\n${run.stderr}` }];
    const names = written.map((file) => file.path.replace(reports.path, ""));
    expect(names).toEqual(expect.arrayContaining(["/run.json", "/junit.xml", "/allure-report/index.html", "/blob/blob-1-1.json", "console"]));
    expect(names.filter((name) => name.startsWith("/allure-results/")).length).toBeGreaterThan(5);
    for (const secret of Object.values(credentials)) {
      expect(written.filter((file) => file.text.includes(secret)).map((file) => file.path), `where ${secret} leaked`).toEqual([]);
    }
    // The same files do carry the run's ordinary output, and say where something was redacted.
    const runJson = readFileSync(join(reports.path, "run.json"), "utf8");
    expect(runJson).toContain("VISIBLE-MARKER-of-ordinary-output");
    expect(runJson).toContain(`#token=${REDACTED}`);
    expect(readFileSync(join(reports.path, "junit.xml"), "utf8")).toContain("#token=&lt;redacted&gt;");
    expect(leakyOutput).toContain(credentials.dashboardToken);
  } finally {
    await reports.cleanup();
  }
});
