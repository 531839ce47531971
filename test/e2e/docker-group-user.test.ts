import { existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { dir, type DirectoryResult } from "tmp-promise";
import { afterAll, beforeAll, expect, inject, test } from "vitest";
import { cacheRoot, projectRoot } from "../../harness/util/paths.ts";
import { ExitCode } from "../../harness/util/errors.ts";
import { expectedVerdicts, reportedVerdicts } from "../support/expected-verdicts.ts";

// A contributor reproducing an issue: their own user in the docker group, no root, no apt, no
// debootstrap, and a Debian image already in the engine named by OCF_BASE_IMAGE. The run must
// need nothing else from the host and end in the verdicts a root run of the scenario writes.
const USER = "ocf-docker-user";
const SCENARIO = "anthropic-api-key-flag-onboard";
/** What a docker-group user's machine lacks here: the installers the root route uses. */
const ABSENT = ["apt-get", "apt", "debootstrap", "chroot"];
// The newest version under test: its onboarding takes half the time of 2026.5.12's (45 s against 106 s, measured).
const { image } = inject("suts").at(-1)!;
const BASE_ALIAS = "ocf-e2e/debian-present:bookworm";

let work: DirectoryResult;
let userPath: string;
let project: string;
let cache: string;

/** A PATH of the host's commands without the installers (symlinks, so nothing is copied). */
function pathWithout(absent: string[], into: string): string {
  const bin = join(into, "bin");
  mkdirSync(bin);
  for (const from of ["/usr/local/bin", "/usr/bin"]) {
    for (const name of readdirSync(from)) if (!absent.includes(name) && !existsSync(join(bin, name))) symlinkSync(join(from, name), join(bin, name));
  }
  return bin;
}

const isRoot = process.getuid?.() === 0;

/** A copy made of hard links where the file system allows (nothing is copied but folders), else a copy. */
async function linkedCopy(from: string, to: string): Promise<void> {
  const linked = await execa("cp", ["-al", from, to], { reject: false });
  if (linked.exitCode !== 0) await execa("cp", ["-a", from, to]);
}

beforeAll(async () => {
  if (!isRoot) return;
  work = await dir({ prefix: "ocf-docker-user-", unsafeCleanup: true });
  if ((await execa("id", [USER], { reject: false })).exitCode !== 0) await execa("useradd", ["--create-home", "--shell", "/bin/bash", USER]);
  await execa("usermod", ["--append", "--groups", "docker", USER]);
  userPath = pathWithout(ABSENT, work.path);
  // The project as a contributor's checkout: theirs to write in (vitest's cache, the reports);
  // hard links where the file system allows, so the 400 MB of node_modules are not copied.
  project = join(work.path, "project");
  await linkedCopy(projectRoot, project);
  await execa("chmod", ["755", work.path]);
  // The contributor's folders (vite's temp files, the reports): the copy's directories are new,
  // so they change owner alone; the linked files stay root's, and theirs to read.
  // The OpenClaw installs and npm snapshot this machine has, linked the same way: the user's own
  // first npm install is not what is under test here (a minute of CI; it was run by hand).
  cache = join(work.path, "cache");
  await linkedCopy(cacheRoot, cache);
  for (const folder of [project, cache]) await execa("sh", ["-c", 'find "$1" -type d -print0 | xargs -0 chown "$2"', "sh", folder, USER]);
  // The base the root run built on, under another name: a Debian image the user's engine has.
  await execa("docker", ["tag", image.base.id, BASE_ALIAS]);
}, 120_000);

afterAll(async () => {
  if (!isRoot) return;
  await execa("docker", ["rmi", BASE_ALIAS], { reject: false });
  await work?.cleanup();
});

/** What this machine sets for every user (the certificates its egress needs, proxies), kept for the contributor too. */
const MACHINE_SETTINGS = ["NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy", "LANG", "CI"];
const machineSettings = () => MACHINE_SETTINGS.flatMap((name) => (process.env[name] ? [`${name}=${process.env[name]}`] : []));

const asUser = (args: string[], env: Record<string, string>) =>
  execa("runuser", ["-u", USER, "--", "env", "-i", ...machineSettings(), `HOME=/home/${USER}`, `PATH=${userPath}`, ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...args], { cwd: project, reject: false });

test("a user in the docker group runs a scenario with no root, no apt and no debootstrap, and gets the verdicts a root run gets", { timeout: 15 * 60_000 }, async (context) => {
  if (!isRoot) context.skip("making the docker-group user needs root, as CI has");
  const sh = await asUser(["sh", "-c", `id -nG; for c in ${ABSENT.join(" ")}; do command -v $c; done; true`], {});
  expect(sh.stdout.split("\n")[0]).toContain("docker");
  expect(sh.stdout.split("\n").slice(1).filter(Boolean)).toEqual([]);

  const version = image.openclawVersion;
  // Reports in a folder of the user's own, as a contributor's checkout is.
  const userFolder = join(work.path, "user");
  await execa("install", ["-d", "-o", USER, userFolder]);
  const userReports = join(userFolder, "reports");
  const asContributor = await asUser(["npm", "run", "--silent", "conformance", "--", "--scenario", SCENARIO, "--openclaw", version], {
    OCF_BASE_IMAGE: BASE_ALIAS, OCF_REPORTS_DIR: userReports, OCF_CACHE_DIR: cache, OCF_CONCURRENCY: "1",
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
