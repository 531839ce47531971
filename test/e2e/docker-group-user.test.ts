import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { ExitCode } from "../../harness/util/errors.ts";
import { expectedVerdicts, reportedVerdicts } from "../support/expected-verdicts.ts";
import { ABSENT, dockerGroupUser, type DockerGroupUser, isRoot } from "../support/docker-group-user.ts";

// A contributor reproducing an issue: their own user in the docker group, no root, no apt, no
// debootstrap, and a Debian image already in the engine named by OCF_BASE_IMAGE. The run must
// need nothing else from the host and end in the verdicts a root run of the scenario writes.
const SCENARIO = "anthropic-api-key-flag-onboard";
// The newest version under test: its onboarding takes half the time of 2026.5.12's (45 s against 106 s, measured).
const { image } = inject("suts").at(-1)!;
const BASE_ALIAS = "ocf-e2e/debian-present:bookworm";

let user: DockerGroupUser;

beforeAll(async () => {
  if (!isRoot) return;
  user = await dockerGroupUser("ocf-docker-user-");
  // The base the root run built on, under another name: a Debian image the user's engine has.
  await execa("docker", ["tag", image.base.id, BASE_ALIAS]);
}, 120_000);

afterAll(async () => {
  if (!isRoot) return;
  await execa("docker", ["rmi", BASE_ALIAS], { reject: false });
  await user?.cleanup();
});

test("a user in the docker group runs a scenario with no root, no apt and no debootstrap, and gets the verdicts a root run gets", { timeout: 15 * 60_000 }, async (context) => {
  if (!isRoot) context.skip("making the docker-group user needs root, as CI has");
  const sh = await user.run(["sh", "-c", `id -nG; for c in ${ABSENT.join(" ")}; do command -v $c; done; true`], {});
  expect(sh.stdout.split("\n")[0]).toContain("docker");
  expect(sh.stdout.split("\n").slice(1).filter(Boolean)).toEqual([]);

  const version = image.openclawVersion;
  // Reports in a folder of the user's own, as a contributor's checkout is.
  const userReports = join(user.folder, "reports");
  const asContributor = await user.run(["npm", "run", "--silent", "conformance", "--", "--scenario", SCENARIO, "--openclaw", version], {
    OCF_BASE_IMAGE: BASE_ALIAS, OCF_REPORTS_DIR: userReports, OCF_CACHE_DIR: user.cache, OCF_CONCURRENCY: "1",
  });
  expect(asContributor.stderr).not.toMatch(/run as root|needs root/);
  expect(asContributor.exitCode, asContributor.stderr.slice(-3000)).toBe(ExitCode.asExpected);

  // The verdicts a root run gives: the conformance project asserts them of its own run of the scenario.
  const { report, verdicts } = reportedVerdicts(userReports);
  expect(Object.keys(verdicts).length).toBeGreaterThan(0);
  expect(verdicts).toEqual(expectedVerdicts([SCENARIO], version));
  // Built on the image it named, found in the engine, which is the root run's base under another
  // name: one content tag, so nothing was built again.
  const [userImage] = report.run.versions.map((entry) => entry.image);
  expect(userImage?.base).toEqual({ from: "engine", ref: BASE_ALIAS, id: image.base.id });
  expect(userImage?.tag).toBe(image.tag);
  expect(asContributor.stderr).not.toMatch(/building .* image /);
});
