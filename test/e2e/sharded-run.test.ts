import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { dir, type DirectoryResult } from "tmp-promise";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ExitCode } from "../../harness/util/errors.ts";
import { RunReport } from "../../reports/writers/run-report.ts";

// A version matrix spread over CI jobs: `run --shard i/n` in each job (vitest's --shard over the
// scenario files), then `run --merge-reports` on the gathered blob reports. The merged reports
// must say what one machine's run says. Two quick 2026.9 scenarios: vitest sorts files by a hash
// of their path and slices, so with two files each shard gets one.
const SELECTION = ["--scenario", "wizard-locale,setup-workflow", "--openclaw", "2026.9.6"];
let work: DirectoryResult;
const reports = (name: string) => join(work.path, name);

async function main(args: string[], reportsDir: string) {
  const result = await execa(process.execPath, ["harness/cli/main.ts", ...args], { reject: false, env: { OCF_REPORTS_DIR: reportsDir } });
  return { exitCode: result.exitCode, output: `${result.stdout}\n${result.stderr}` };
}

const runReport = (reportsDir: string) => RunReport.parse(JSON.parse(readFileSync(join(reportsDir, "run.json"), "utf8")));

/** A run's report without what differs from run to run however it was split: its times. */
function withoutTimings(report: RunReport): unknown {
  const TIMINGS = new Set(["startedAt", "finishedAt", "durationMs", "commandsMs"]);
  return JSON.parse(JSON.stringify(report), (key, value) => (TIMINGS.has(key) ? undefined : value));
}

let single: Awaited<ReturnType<typeof main>>;
let shards: Awaited<ReturnType<typeof main>>[];
let merged: Awaited<ReturnType<typeof main>>;

beforeAll(async () => {
  work = await dir({ prefix: "ocf-shards-", unsafeCleanup: true });
  single = await main(["run", ...SELECTION], reports("single"));
  // The shards at once, as two CI jobs would run them.
  shards = await Promise.all([1, 2].map((index) => main(["run", ...SELECTION, "--shard", `${index}/2`], reports(`shard-${index}`))));
  // The merge job downloads each shard's blob folder into one.
  mkdirSync(reports("blobs"));
  for (const index of [1, 2]) cpSync(join(reports(`shard-${index}`), "blob"), reports("blobs"), { recursive: true });
  merged = await main(["run", "--merge-reports", reports("blobs")], reports("merged"));
}, 600_000);

afterAll(async () => {
  await work?.cleanup();
});

test("each shard runs its own part of the scenarios and says how to merge", () => {
  expect(single.exitCode, single.output).toBe(ExitCode.asExpected);
  const parts = [1, 2].map((index) => runReport(reports(`shard-${index}`)).scenarios.map(({ id }) => id));
  expect(parts.map((part) => part.length)).toEqual([1, 1]);
  expect(parts.flat().sort()).toEqual(["setup-workflow", "wizard-locale"]);
  for (const shard of shards) {
    expect(shard.exitCode, shard.output).toBe(ExitCode.asExpected);
    expect(shard.output).toMatch(/--merge-reports/);
  }
  expect(readdirSync(reports("blobs")).sort()).toEqual(["blob-1-2.json", "blob-2-2.json"]);
});

test("the merged run.json is the single machine's, apart from timings; so are its summary and exit code", () => {
  expect(merged.exitCode, merged.output).toBe(single.exitCode);
  expect(withoutTimings(runReport(reports("merged")))).toEqual(withoutTimings(runReport(reports("single"))));
  // The terminal summary: from the versions' line to the reports' folder, without times.
  const summary = (output: string) => {
    const lines = output.split("\n");
    const from = lines.findIndex((line) => /^openclaw@\S+ from npm \(image /.test(line));
    const to = lines.findIndex((line) => line.startsWith("reports: "));
    expect(from, output).toBeGreaterThanOrEqual(0);
    return lines.slice(from, to).map((line) => line.replace(/ [\d.]+ s \(OpenClaw commands [\d.]+ s\)/, ""));
  };
  expect(summary(merged.output)).toEqual(summary(single.output));
  for (const file of ["junit.xml", "allure-report/index.html"]) expect(readdirSync(reports("merged"), { recursive: true })).toContain(file);
});

test("a shard that does not exist, or a folder with no blobs, is bad input", async () => {
  const beyond = await main(["run", ...SELECTION, "--shard", "3/2"], reports("beyond"));
  expect(beyond.exitCode).toBe(ExitCode.badInput);
  expect(beyond.output).toMatch(/--shard 3\/2: expected <index>\/<count>/);
  const empty = reports("empty");
  mkdirSync(empty);
  const nothing = await main(["run", "--merge-reports", empty], reports("merged-nothing"));
  expect(nothing.exitCode).toBe(ExitCode.badInput);
  expect(nothing.output).toMatch(/the folder is empty/);
});
