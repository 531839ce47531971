import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { dir, type DirectoryResult } from "tmp-promise";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ExitCode } from "../../harness/util/errors.ts";
import { runCli } from "../support/cli.ts";
import { expectedVerdicts, reportedVerdicts } from "../support/expected-verdicts.ts";

// A maintainer checks a build before it is published: OpenClaw from a tarball, or a checkout.
// A repacked tarball of a published version must give exactly that version's verdicts.
const VERSION = "2026.5.12";
let work: DirectoryResult;
let repacked: string;

beforeAll(async () => {
  work = await dir({ prefix: "ocf-tarball-", unsafeCleanup: true });
  const { stdout } = await execa("npm", ["pack", `openclaw@${VERSION}`, "--pack-destination", work.path, "--silent"], { cwd: work.path });
  const published = join(work.path, stdout.trim().split("\n").at(-1)!);
  // Unpacked and packed again: the same files in a tarball of other bytes, as a local build makes.
  await execa("tar", ["-xzf", published, "-C", work.path]);
  repacked = join(work.path, "repacked.tgz");
  await execa("tar", ["-czf", repacked, "-C", work.path, "--mtime=2026-11-25", "package"]);
  expect(sha256(repacked)).not.toBe(sha256(published));
}, 120_000);
afterAll(() => work?.cleanup());

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

// The tarball's plumbing is under test here, not OpenClaw (the conformance project runs every
// scenario): one short scenario whose claims on 2026.5.12 both conform and drift (known). The
// egresses and the proxy are the conformance project's to check; two codex scenarios on them made
// this the longest end-to-end file (329 s of CI's time, 2026-12-07).
const SCENARIOS = ["setup-workflow"];

test("a repacked tarball of a published version gives the same verdicts as that version, and the report names it", { timeout: 20 * 60_000 }, async () => {
  const reports = join(work.path, "reports");
  const result = await runCli(["run", "--openclaw", repacked, "--scenario", SCENARIOS.join(",")], { OCF_REPORTS_DIR: reports, PATH: process.env.PATH! }, 18 * 60_000);
  expect(result.exitCode, result.stderr.slice(-2000)).toBe(ExitCode.asExpected);
  const { report, verdicts } = reportedVerdicts(reports);
  expect(report.run.versions.map(({ target }) => target)).toEqual([{ kind: "tarball", version: VERSION, tarball: repacked, sha256: sha256(repacked) }]);
  // The same verdicts, claim by claim, that --openclaw 2026.5.12 must give (strict known drift).
  expect(verdicts).toEqual(expectedVerdicts(SCENARIOS, VERSION));
  expect(result.stdout).toContain(`openclaw ${VERSION} from ${repacked}, sha256 ${sha256(repacked)}`);
});

test("a built checkout is packed as npm would publish it; its own docs are the docs under test", { timeout: 120_000 }, async () => {
  const checkout = join(work.path, "package");
  const result = await runCli(["explain", "report-82978-codex-subscription", "--openclaw", checkout], { PATH: process.env.PATH! });
  expect(result.exitCode, result.stderr).toBe(ExitCode.asExpected);
  expect(result.stdout).toContain(`(${VERSION}: applies)`);
  expect(result.stdout).toMatch(/docs: .*\/docs\/tarball-[0-9a-f]{16}\/docs/);
  expect(result.stdout).toContain("docs/providers/openai.md:219");
});

test("a path that is not an OpenClaw package is bad input, named", async () => {
  const result = await runCli(["run", "--openclaw", join(work.path, "nope.tgz")]);
  expect(result.exitCode).toBe(ExitCode.badInput);
  expect(result.stderr.trim()).toMatch(/^openclaw-conformance: --openclaw .*nope\.tgz: no such file or folder/);
  expect(result.provisioningCalls).toEqual([]);
});
