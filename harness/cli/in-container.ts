import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { execa } from "execa";
import { ensureHarnessImage, HARNESS_PROJECT_DIR } from "../provision/harness-image.ts";
import { SUT_PLATFORM } from "../sut/image.ts";
import { HARNESS_HOST_LABEL, HARNESS_HOST_PREFIX, ownerLabels } from "../sut/owner.ts";
import { SOCKET_VOLUME_ENV, SOCKET_VOLUME_PATH } from "../sut/socket-mount.ts";
import { sweepLeftovers } from "../sut/sweep.ts";
import { ExitCode } from "../util/errors.ts";
import { cacheRoot, LABEL, projectRoot, reportsDir } from "../util/paths.ts";
import { progress } from "../util/progress.ts";
import { giveBackToLauncher } from "./give-back.ts";

/** Asks for the harness's own container on a native engine too (the test of this route); a VM engine is detected. */
export const IN_CONTAINER_ENV = "OCF_HARNESS_IN_CONTAINER";
/** Set inside that container: the run there is the real one, never sent on again. */
const INSIDE_ENV = "OCF_INSIDE_HARNESS_CONTAINER";
/** The named volume that keeps npm installs and the npm snapshot between runs, where no cache folder was given. */
const CACHE_VOLUME = "openclaw-conformance-cache";
const CACHE_VOLUME_PATH = "/ocf/cache";
/** Where the host's extra CA certificates appear inside. */
const HOST_CA_PATH = "/ocf/host-ca.pem";
/** The project's files a run reads (node_modules come from the image, installed for Linux). */
const PROJECT_EXCLUDES = ["./node_modules", "./reports/output", "./.git"];

export const insideHarnessContainer = (env: NodeJS.ProcessEnv = process.env): boolean => env[INSIDE_ENV] === "1";
export const inContainerAsked = (env: NodeJS.ProcessEnv = process.env): boolean => env[IN_CONTAINER_ENV] === "1" && !insideHarnessContainer(env);

/** The engine's own socket, as a container on it mounts it: a VM engine's is in its VM, whatever DOCKER_HOST says on this side. */
function engineSocket(vm: boolean): string {
  const host = process.env.DOCKER_HOST;
  return !vm && host?.startsWith("unix://") ? host.slice("unix://".length) : "/var/run/docker.sock";
}

/** The command's arguments with each path it names made absolute: the harness runs there from another folder. */
export function withAbsolutePaths(args: string[], paths: string[]): string[] {
  const absolute = (item: string) => (paths.includes(item) ? resolve(item) : item);
  return args.map((arg) => {
    const [option, value] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=") + 1), arg.slice(arg.indexOf("=") + 1)] : ["", arg];
    return option + value.split(",").map(absolute).join(",");
  });
}

/** The host's settings the run inside needs as well: CI's, and the proxies the npm registry is reached through. */
const PASSED_THROUGH = ["CI", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy"];

/** Path-valued settings, made absolute for the same reason. */
const PATH_SETTINGS = ["OCF_SCENARIOS_DIR", "OCF_IMAGE_ARCHIVE"];

/** What one run in the harness's own container is given. */
interface HarnessPlan {
  hostname: string;
  /** The named volume of the world's sockets. */
  sockets: string;
  reports: string;
  paths: string[];
  /** The engine runs in a VM (not the route asked for on a native engine). */
  vm: boolean;
  /** The cache folder given here (OCF_CACHE_DIR), mounted at its own path; else the cache volume. */
  cacheDir?: string;
  /** What this host trusts beyond the public roots (a proxy's CA on the way to the npm registry), trusted inside too. */
  extraCa?: string;
}

/** This host's folders and files the harness container mounts at their own paths (once each): the reports, the cache folder given, the paths named. */
const hostPaths = (plan: HarnessPlan): string[] =>
  [...new Set([plan.reports, ...(plan.cacheDir ? [plan.cacheDir] : []), ...plan.paths.filter(existsSync).map((path) => resolve(path))])];

/** The harness container's mounts: the engine, the sockets' volume, the host's paths (or the cache volume), the user's npm settings. */
function harnessMounts(plan: HarnessPlan): string[] {
  const npmrc = join(homedir(), ".npmrc");
  return [
    `${engineSocket(plan.vm)}:/var/run/docker.sock`,
    `${plan.sockets}:${SOCKET_VOLUME_PATH}`,
    ...(plan.cacheDir ? [] : [`${CACHE_VOLUME}:${CACHE_VOLUME_PATH}`]),
    ...hostPaths(plan).map((path) => `${path}:${path}`),
    ...(plan.extraCa ? [`${plan.extraCa}:${HOST_CA_PATH}:ro`] : []),
    // A registry or proxy the user's npm is set to use, read by the npm installs inside (as a file: a token in --env would show in docker inspect).
    ...(existsSync(npmrc) ? [`${npmrc}:/root/.npmrc:ro`] : []),
  ];
}

/** The harness container's environment: the OCF_* settings given here (paths made absolute), and where things are inside. */
function harnessEnv(plan: HarnessPlan): Record<string, string> {
  const forwarded = Object.entries(process.env)
    .filter(([name]) => name.startsWith("OCF_") && ![IN_CONTAINER_ENV, "OCF_CACHE_DIR", "OCF_REPORTS_DIR"].includes(name))
    .map(([name, value]) => [name, PATH_SETTINGS.includes(name) && value ? resolve(value) : `${value}`]);
  return {
    ...Object.fromEntries(forwarded),
    [INSIDE_ENV]: "1",
    [SOCKET_VOLUME_ENV]: plan.sockets,
    TMPDIR: SOCKET_VOLUME_PATH,
    OCF_CACHE_DIR: plan.cacheDir ?? CACHE_VOLUME_PATH,
    OCF_REPORTS_DIR: plan.reports,
    ...Object.fromEntries(PASSED_THROUGH.flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : []))),
    ...(plan.extraCa ? { NODE_EXTRA_CA_CERTS: HOST_CA_PATH } : {}),
  };
}

/** The project's files into the container (its node_modules are the image's own). */
const copyProject = (container: string) =>
  execa("sh", ["-c", `tar -C "$1" -c ${PROJECT_EXCLUDES.map((path) => `--exclude=${path}`).join(" ")} . | docker cp - "$2:${HARNESS_PROJECT_DIR}"`, "sh", projectRoot, container]);

/**
 * Runs this command again in a container of the harness's own on the same engine, for an engine
 * in a VM, whose bind mounts carry no unix sockets: there the world's sockets live on a named
 * volume that the harness and each SUT mount at the same path (socket-mount.ts), and no folder of
 * this host is shared for them. The reports land in the reports folder here (bind-mounted, as are
 * the paths the command names: a docs tree, tarballs, checkouts) as the launcher's own files, and
 * the exit code is the run's.
 *
 * The container and its volume go when it ends, also when a signal ends it: the first Ctrl-C (or
 * SIGTERM, SIGHUP) is passed on to the harness inside, which removes what it started, and this
 * process waits for it; a second is not (it would end the harness inside mid-cleanup). The log
 * follower and the wait run in process groups of their own, or a terminal's Ctrl-C would end them
 * first, and the run's last words with them. What a launcher killed outright left, the next one sweeps.
 */
export async function runInContainer(args: string[], paths: string[], vm: boolean): Promise<number> {
  const id = randomBytes(4).toString("hex");
  const ca = process.env.NODE_EXTRA_CA_CERTS;
  const plan: HarnessPlan = {
    hostname: `${HARNESS_HOST_PREFIX}${id}`, sockets: `ocf-sockets-${id}`, reports: resolve(reportsDir), paths, vm,
    cacheDir: process.env.OCF_CACHE_DIR ? resolve(cacheRoot) : undefined,
    extraCa: ca && existsSync(ca) ? resolve(ca) : undefined,
  };
  let image: string | undefined;
  let since: Date | undefined;
  let container: string | undefined;
  let started = false;
  let signalled: NodeJS.Signals | undefined;
  const passOn = (signal: NodeJS.Signals) => void execa("docker", ["kill", "--signal", signal === "SIGHUP" ? "SIGTERM" : signal, container!], { reject: false });
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) return;
    signalled = signal;
    if (started) passOn(signal);
  };
  const signals: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const signal of signals) process.on(signal, onSignal);
  try {
    await sweepLeftovers();
    image = await ensureHarnessImage();
    mkdirSync(plan.reports, { recursive: true });
    await execa("docker", ["volume", "create", "--label", `${LABEL}=sockets`, plan.sockets], { stdout: "ignore" });
    const labels = { [LABEL]: "harness", [HARNESS_HOST_LABEL]: plan.hostname, ...ownerLabels() };
    const created = await execa("docker", [
      "create", "--init", "--platform", SUT_PLATFORM.docker, "--hostname", plan.hostname, "--workdir", HARNESS_PROJECT_DIR,
      ...Object.entries(labels).flatMap(([name, value]) => ["--label", `${name}=${value}`]),
      ...harnessMounts(plan).flatMap((mount) => ["--volume", mount]),
      ...Object.entries(harnessEnv(plan)).flatMap(([name, value]) => ["--env", `${name}=${value}`]),
      image, "node", "harness/cli/main.ts", ...withAbsolutePaths(args, paths),
    ]);
    container = created.stdout.trim();
    await copyProject(container);
    if (signalled) return ExitCode.interrupted;
    progress(`the harness runs in its own container on the engine (${plan.hostname}); reports: ${plan.reports}`);
    since = new Date();
    await execa("docker", ["start", container], { stdout: "ignore" });
    started = true;
    if (signalled) passOn(signalled);
    const output = execa("docker", ["logs", "--follow", container], { stdout: "inherit", stderr: "inherit", reject: false, detached: true });
    const { stdout: code } = await execa("docker", ["wait", container], { detached: true });
    await output;
    return Number(code.trim());
  } catch (error) {
    // A signal that cut a step short (the image build, the copy) ends the run, not the harness.
    if (signalled) return ExitCode.interrupted;
    throw error;
  } finally {
    // The handlers stay until the cleanup is done: a second Ctrl-C must not end it halfway.
    if (container) await execa("docker", ["rm", "--force", "--volumes", container], { reject: false });
    if (image && since) await giveBackToLauncher(image, hostPaths(plan), since);
    await execa("docker", ["volume", "rm", "--force", plan.sockets], { reject: false });
    for (const signal of signals) process.off(signal, onSignal);
  }
}
