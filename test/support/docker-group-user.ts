import { existsSync, mkdirSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { dir } from "tmp-promise";
import { cacheRoot, projectRoot } from "../../harness/util/paths.ts";

// A contributor reproducing an issue: their own user in the docker group, no root, and none of the
// installers the root route uses on their PATH, with a checkout and a cache folder of their own.

const DOCKER_USER = "ocf-docker-user";
/** What a docker-group user's machine lacks here: the installers the root route uses. */
export const ABSENT = ["apt-get", "apt", "debootstrap", "chroot"];

export const isRoot = process.getuid?.() === 0;

/** What this machine sets for every user (the certificates its egress needs, proxies), kept for the contributor too. */
const MACHINE_SETTINGS = ["NODE_EXTRA_CA_CERTS", "SSL_CERT_FILE", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy", "LANG", "CI"];
const machineSettings = () => MACHINE_SETTINGS.flatMap((name) => (process.env[name] ? [`${name}=${process.env[name]}`] : []));

/** A PATH of the host's commands without the installers (symlinks, so nothing is copied). */
function pathWithout(absent: string[], into: string): string {
  const bin = join(into, "bin");
  mkdirSync(bin);
  for (const from of ["/usr/local/bin", "/usr/bin"]) {
    for (const name of readdirSync(from)) if (!absent.includes(name) && !existsSync(join(bin, name))) symlinkSync(join(from, name), join(bin, name));
  }
  return bin;
}

/** A copy made of hard links where the file system allows (nothing is copied but folders), else a copy. */
async function linkedCopy(from: string, to: string): Promise<void> {
  const linked = await execa("cp", ["-al", from, to], { reject: false });
  if (linked.exitCode !== 0) await execa("cp", ["-a", from, to]);
}

/** The user exists and is in the docker group; two test files may ask at once, and the second's useradd finds the user there. */
async function ensureUser(): Promise<number> {
  if ((await execa("id", ["-u", DOCKER_USER], { reject: false })).exitCode !== 0) {
    const added = await execa("useradd", ["--create-home", "--shell", "/bin/bash", DOCKER_USER], { reject: false });
    if (added.exitCode !== 0 && (await execa("id", ["-u", DOCKER_USER], { reject: false })).exitCode !== 0) throw new Error(`useradd ${DOCKER_USER}: ${added.stderr}`);
  }
  await execa("usermod", ["--append", "--groups", "docker", DOCKER_USER]);
  return Number((await execa("id", ["-u", DOCKER_USER])).stdout.trim());
}

export interface DockerGroupUser {
  uid: number;
  /** A folder of the user's own, for their reports. */
  folder: string;
  /** Their cache folder: this machine's OpenClaw installs and npm snapshot, linked. */
  cache: string;
  /** Runs a command as the user, in their checkout, with their PATH and nothing of root's environment. */
  run(args: string[], env: Record<string, string>): Promise<{ exitCode?: number; stdout: string; stderr: string }>;
  cleanup(): Promise<void>;
}

/** This process's own user, where it is not root: the same shape, its checkout and cache, a temp folder for its reports. */
export async function currentUser(prefix: string): Promise<DockerGroupUser> {
  const work = await dir({ prefix, unsafeCleanup: true });
  const run = (args: string[], env: Record<string, string>) =>
    execa<{ cwd: string; reject: false; env: NodeJS.ProcessEnv }>(args[0]!, args.slice(1), { cwd: projectRoot, reject: false, env: { ...process.env, ...env } });
  return { uid: process.getuid!(), folder: work.path, cache: cacheRoot, run, cleanup: () => work.cleanup() };
}

/** Makes the user (needs root) and their checkout, cache and folder in a temp dir of their own. */
export async function dockerGroupUser(prefix: string): Promise<DockerGroupUser> {
  const work = await dir({ prefix, unsafeCleanup: true });
  const uid = await ensureUser();
  const userPath = pathWithout(ABSENT, work.path);
  // The project as a contributor's checkout: theirs to write in (vitest's cache, the reports);
  // hard links where the file system allows, so the 400 MB of node_modules are not copied.
  const project = join(work.path, "project");
  await linkedCopy(projectRoot, project);
  await execa("chmod", ["755", work.path]);
  // The contributor's folders (vite's temp files, the reports): the copy's directories are new,
  // so they change owner alone; the linked files stay root's, and theirs to read.
  // The OpenClaw installs and npm snapshot this machine has, linked the same way: the user's own
  // first npm install is not what is under test here (a minute of CI; it was run by hand).
  const cache = join(work.path, "cache");
  await linkedCopy(cacheRoot, cache);
  for (const folder of [project, cache]) await execa("sh", ["-c", 'find "$1" -type d -print0 | xargs -0 chown "$2"', "sh", folder, DOCKER_USER]);
  const folder = join(work.path, "user");
  await execa("install", ["-d", "-o", DOCKER_USER, folder]);
  const run = (args: string[], env: Record<string, string>) =>
    execa<{ cwd: string; reject: false }>("runuser", ["-u", DOCKER_USER, "--", "env", "-i", ...machineSettings(), `HOME=/home/${DOCKER_USER}`, `PATH=${userPath}`, ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...args], { cwd: project, reject: false });
  return { uid, folder, cache, run, cleanup: () => work.cleanup() };
}
