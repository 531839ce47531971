import { describe, expect, test } from "vitest";
import { ExitCode } from "../../harness/util/errors.ts";
import { runCli } from "../support/cli.ts";

// `list` answers "which scenarios would run" for the same filters `run` takes, and "which
// scenarios cover this page"; it starts nothing.
const listed = async (...args: string[]) => {
  const result = await runCli(["list", "--json", ...args]);
  expect(result.exitCode, result.stderr).toBe(ExitCode.asExpected);
  expect(result.provisioningCalls).toEqual([]);
  return (JSON.parse(result.stdout) as { id: string; tags: string[]; egress: string[]; pages: string[] }[]).map((entry) => entry);
};

describe("list honours the filters", () => {
  test("--scenario: exactly those", async () => {
    expect((await listed("--scenario", "legacy-pi-route,cli-reference")).map(({ id }) => id)).toEqual(["legacy-pi-route", "cli-reference"]);
  });
  test("--tag: only scenarios with one of the tags", async () => {
    const entries = await listed("--tag", "oauth");
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.every(({ tags }) => tags.includes("oauth"))).toBe(true);
  });
  test("--egress: only scenarios that run under it", async () => {
    const entries = await listed("--egress", "cloudflare-sensitive-via-proxy");
    expect(entries.map(({ id }) => id)).toContain("codex-harness-quickstart");
    expect(entries.every(({ egress }) => egress.includes("cloudflare-sensitive-via-proxy"))).toBe(true);
  });
  test("--page: the scenarios whose steps or claims name a matching page (docs/ prefix or not)", async () => {
    const entries = await listed("--page", "docs/cli/doctor/**");
    expect(entries.map(({ id }) => id)).toContain("doctor-cli-examples");
    expect(entries.every(({ pages }) => pages.some((page) => page.startsWith("cli/doctor/")))).toBe(true);
  });
  test("filters combine", async () => {
    expect((await listed("--tag", "oauth", "--page", "concepts/oauth.md")).map(({ id }) => id)).toEqual(["concepts-oauth"]);
  });
});
