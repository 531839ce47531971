import { rmSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { IN_CONTAINER_ENV } from "../../harness/cli/in-container.ts";
import { HARNESS_HOST_LABEL, HARNESS_HOST_PREFIX, OWNER_HOST_LABEL } from "../../harness/sut/owner.ts";
import { ExitCode } from "../../harness/util/errors.ts";
import { cacheRoot, LABEL } from "../../harness/util/paths.ts";
import { currentUser, dockerGroupUser, type DockerGroupUser, isRoot } from "../support/docker-group-user.ts";
import { containersOf, interruptMidRun, leftIn } from "../support/interrupt.ts";
import { expectedVerdicts, reportedVerdicts } from "../support/expected-verdicts.ts";

// The route for an engine in a VM (Docker Desktop, OrbStack, colima), taken here on a native
// engine by asking for it: the harness runs in a container of its own on the engine, the world's
// sockets on a volume it shares with each SUT, and no folder of this host is mounted into a SUT.
// Taken by a user in the docker group, as a contributor would (a developer who is not root runs
// it as themselves): what the harness, root in its container, writes into their folder must be theirs.
const SCENARIO = "anthropic-api-key-flag-onboard";
// The newest version under test: its onboarding takes half the time of 2026.5.12's (45 s against 106 s, measured).
const { image } = inject("suts").at(-1)!;
let user: DockerGroupUser;

beforeAll(async () => {
  user = isRoot ? await dockerGroupUser("ocf-in-container-") : await currentUser("ocf-in-container-");
}, 120_000);
afterAll(() => user?.cleanup());

/** The mounts of every SUT a harness in its own container started, as seen while they run. */
async function watchSutMounts(until: Promise<unknown>): Promise<Map<string, { Type: string; Source: string; Destination: string }[]>> {
  const seen = new Map<string, { Type: string; Source: string; Destination: string }[]>();
  let done = false;
  const stop = () => (done = true);
  until.then(stop, stop);
  while (!done) {
    const { stdout } = await execa("docker", ["ps", "-q", "--filter", `label=${LABEL}=sut`], { reject: false });
    for (const id of stdout.split("\n").filter((one) => one && !seen.has(one))) {
      const inspected = await execa("docker", ["inspect", "--format", `{{index .Config.Labels "${OWNER_HOST_LABEL}"}} {{json .Mounts}}`, id], { reject: false });
      const [host, ...mounts] = inspected.stdout.split(" ");
      if (host?.startsWith(HARNESS_HOST_PREFIX)) seen.set(id, JSON.parse(mounts.join(" ")));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return seen;
}

test("a run in the harness's own container gives the same verdicts, shares no host folder with the SUT for sockets, gives the user their reports as their own files, and leaves nothing behind", { timeout: 15 * 60_000 }, async () => {
  const reports = join(user.folder, "reports");
  const version = image.openclawVersion;
  // The npm installs this machine already has (the user's cache links them): the route, not a first install, is under test.
  const run = user.run(["npm", "run", "--silent", "conformance", "--", "--scenario", SCENARIO, "--openclaw", version], {
    [IN_CONTAINER_ENV]: "1", OCF_REPORTS_DIR: reports, OCF_CACHE_DIR: user.cache, OCF_CONCURRENCY: "1",
  });
  const mounts = await watchSutMounts(run);
  const result = await run;
  expect(result.exitCode, result.stderr.slice(-3000)).toBe(ExitCode.asExpected);
  const harness = /the harness runs in its own container on the engine \((ocf-harness-([0-9a-f]+))\)/.exec(result.stderr);
  expect(harness, result.stderr).not.toBeNull();

  expect(mounts.size).toBeGreaterThan(0);
  for (const [, sutMounts] of mounts) {
    expect(sutMounts.map(({ Type, Destination }) => `${Type} ${Destination}`)).toEqual(["volume /run/ocf-sockets"]);
  }
  // The reports landed in this folder, with the verdicts a run on this host gives.
  const { verdicts } = reportedVerdicts(reports);
  expect(Object.keys(verdicts).length).toBeGreaterThan(0);
  expect(verdicts).toEqual(expectedVerdicts([SCENARIO], version));
  // Written by root in the harness's container, and given back: every file and folder of the reports is the user's.
  const { stdout: notTheirs } = await execa("find", [reports, "!", "-user", String(user.uid)]);
  expect(notTheirs.trim()).toBe("");
  // And nothing else: the cache's files linked to this machine's own cache keep their owner.
  if (isRoot) {
    const { stdout: linkedTaken } = await execa("find", [user.cache, "-type", "f", "-links", "+1", "-user", String(user.uid)]);
    expect(linkedTaken.trim()).toBe("");
  }

  // Its own container and volume are gone (other tests run theirs at the same time).
  const left = await execa("docker", ["ps", "-aq", "--filter", `label=${HARNESS_HOST_LABEL}=${harness![1]}`]);
  expect(left.stdout.trim()).toBe("");
  const volumes = await execa("docker", ["volume", "ls", "-q", "--filter", `name=ocf-sockets-${harness![2]}`]);
  expect(volumes.stdout.trim()).toBe("");
});

test("Ctrl-C during a run in the harness's own container (an engine in a VM) leaves no container or volume behind", { timeout: 300_000 }, async () => {
  const { exitCode, runId, root, stderr } = await interruptMidRun(["harness/cli/main.ts", "run", "--scenario", "legacy-pi-route"], 120_000, { [IN_CONTAINER_ENV]: "1", OCF_CACHE_DIR: cacheRoot });
  expect(exitCode).toBe(130);
  expect(await containersOf(runId)).toEqual([]);
  // Its own harness container and volume (other tests run theirs at the same time).
  const harness = /its own container on the engine \((ocf-harness-([0-9a-f]+))\)/.exec(stderr);
  expect(harness, stderr).not.toBeNull();
  const { stdout: harnesses } = await execa("docker", ["ps", "-aq", "--filter", `label=${HARNESS_HOST_LABEL}=${harness![1]}`]);
  expect(harnesses.trim()).toBe("");
  const { stdout: volumes } = await execa("docker", ["volume", "ls", "-q", "--filter", `name=ocf-sockets-${harness![2]}`]);
  expect(volumes.trim()).toBe("");
  const left = leftIn(root);
  rmSync(root, { recursive: true, force: true });
  expect(left).toEqual([]);
});
