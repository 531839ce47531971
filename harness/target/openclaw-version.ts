import { execa } from "execa";
import semver from "semver";
import { BadInputError, EnvironmentError } from "../util/errors.ts";

/**
 * What the main job and `npm test` check when no --openclaw (or OCF_OPENCLAW_VERSION) says
 * otherwise: the version of the report that started this project, and the release people install
 * today (resolved through npm at run time, and recorded in the report).
 */
export const DEFAULT_OPENCLAW_VERSIONS = "2026.5.12,latest";

/** The Node put into every SUT image; checked against each OpenClaw version's `engines`. */
export const SUT_NODE_VERSION = "24.21.0";

/** npm ships with every real Node install, and OpenClaw shells out to it to install plugins. */
export const SUT_NPM_VERSION = "11.21.2";

export interface OpenClawRelease {
  version: string;
  nodeEngines: string;
}

const isDistTag = (spec: string) => /^[a-z][a-z0-9-]*$/i.test(spec);

/** A semver range of published versions (`>=2026.8.0`, `2026.9.x`): a matrix of every release in it. */
export const isVersionRange = (spec: string) => !semver.valid(spec) && !isDistTag(spec) && semver.validRange(spec) !== null;

/** A version (2026.5.12), a dist-tag (latest) or a range (>=2026.8.0); anything else is refused before npm is asked. */
export function checkVersionSyntax(version: string): void {
  if (semver.valid(version) || isDistTag(version) || isVersionRange(version)) return;
  throw new BadInputError(`"${version}" is not an OpenClaw version: give one such as 2026.5.12, a dist-tag such as latest, or a range such as ">=2026.8.0" (see: npm view openclaw versions)`);
}

/** npm's answer for a package spec; npm's own error codes tell a missing version from no registry. */
const npmSaysNoSuchVersion = new Set(["E404", "ETARGET", "EINVALIDTAGNAME", "EINVALIDPACKAGENAME"]);

/**
 * Asks the npm registry what it knows of this version: an unknown one is the user's mistake
 * (exit 3), a registry that cannot be reached is the machine's (exit 4). Fails at once rather
 * than after npm's retries.
 */
export async function resolveOpenClawRelease(version: string): Promise<OpenClawRelease> {
  const releases = await askNpm(version);
  const resolved = releases.at(-1)!;
  if (!semver.satisfies(SUT_NODE_VERSION, resolved.nodeEngines)) {
    throw new BadInputError(`openclaw@${resolved.version} wants node ${resolved.nodeEngines}; the SUT image has ${SUT_NODE_VERSION}`);
  }
  return resolved;
}

/**
 * Every published release a spec names, oldest first: one for a version or a dist-tag, each
 * release in a range (pre-releases only when the range names one, as npm matches). Releases whose
 * Node the SUT image cannot give are left out, each named, and a range with none left is bad input.
 */
export async function resolveOpenClawReleases(spec: string): Promise<OpenClawRelease[]> {
  if (!isVersionRange(spec)) return [await resolveOpenClawRelease(spec)];
  const releases = await askNpm(spec);
  const testable = releases.filter((release) => semver.satisfies(SUT_NODE_VERSION, release.nodeEngines));
  for (const release of releases.filter((one) => !testable.includes(one))) {
    console.error(`[ocf] openclaw@${release.version} (in ${spec}) wants node ${release.nodeEngines}; the SUT image has ${SUT_NODE_VERSION}: left out`);
  }
  if (!testable.length) throw new BadInputError(`no release of openclaw in "${spec}" runs on the SUT image's node ${SUT_NODE_VERSION}`);
  return testable;
}

/** Every published version of openclaw (pre-releases included), as npm lists them. */
export async function publishedOpenClawVersions(): Promise<string[]> {
  const result = await execa("npm", ["view", "openclaw", "versions", "--json", "--fetch-retries=1", "--fetch-retry-mintimeout=500", "--fetch-retry-maxtimeout=2000"], { reject: false });
  if (result.exitCode !== 0) throw new EnvironmentError(`cannot ask the npm registry for openclaw's versions: ${result.stderr.split("\n").find((line) => line.trim()) ?? `npm exited ${result.exitCode}`}`);
  return JSON.parse(result.stdout) as string[];
}

/** npm's releases for a spec, oldest first; an unknown spec is bad input, no registry the environment's fault. */
async function askNpm(version: string): Promise<OpenClawRelease[]> {
  checkVersionSyntax(version);
  const result = await execa("npm", ["view", `openclaw@${version}`, "version", "engines.node", "--json", "--fetch-retries=1", "--fetch-retry-mintimeout=500", "--fetch-retry-maxtimeout=2000"], { reject: false });
  let answer: unknown;
  try {
    answer = result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
  } catch {
    answer = undefined;
  }
  const error = (answer as { error?: { code?: string; summary?: string } } | undefined)?.error;
  if (result.exitCode !== 0 || error) {
    if (error?.code && npmSaysNoSuchVersion.has(error.code)) {
      throw new BadInputError(`unknown OpenClaw version "${version}": npm has no openclaw@${version} (see: npm view openclaw versions)`);
    }
    const why = error?.summary ?? result.stderr.split("\n").find((line) => line.trim()) ?? `npm exited ${result.exitCode}`;
    throw new EnvironmentError(`cannot ask the npm registry about openclaw@${version}: ${why}`);
  }
  if (!answer || (Array.isArray(answer) && answer.length === 0)) {
    throw new BadInputError(`unknown OpenClaw version "${version}": npm has no openclaw@${version} (see: npm view openclaw versions)`);
  }
  const answered = (Array.isArray(answer) ? answer : [answer]) as { version: string; "engines.node"?: string }[];
  return answered.map((release) => ({ version: release.version, nodeEngines: release["engines.node"] ?? "*" })).sort((a, b) => semver.compare(a.version, b.version));
}
