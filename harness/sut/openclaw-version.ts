import { execa } from "execa";
import semver from "semver";
import { BadInputError } from "../util/errors.ts";

export const DEFAULT_OPENCLAW_VERSION = "2026.5.12";

/** The Node put into every SUT image; checked against each OpenClaw version's `engines`. */
export const SUT_NODE_VERSION = "24.21.0";

/** npm ships with every real Node install, and OpenClaw shells out to it to install plugins. */
export const SUT_NPM_VERSION = "11.21.2";

export interface OpenClawRelease {
  version: string;
  nodeEngines: string;
}

/** Asks the npm registry what it knows of this version; an unknown one is the user's mistake. */
export async function resolveOpenClawRelease(version: string): Promise<OpenClawRelease> {
  const result = await execa("npm", ["view", `openclaw@${version}`, "version", "engines.node", "--json"], { reject: false });
  const answer = result.exitCode === 0 && result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
  if (!answer || (Array.isArray(answer) && answer.length === 0)) {
    throw new BadInputError(`unknown OpenClaw version "${version}": npm has no openclaw@${version} (see: npm view openclaw versions)`);
  }
  const release = Array.isArray(answer) ? answer.at(-1) : answer;
  const resolved: OpenClawRelease = { version: release.version, nodeEngines: release["engines.node"] ?? "*" };
  if (!semver.satisfies(SUT_NODE_VERSION, resolved.nodeEngines)) {
    throw new BadInputError(`openclaw@${resolved.version} wants node ${resolved.nodeEngines}; the SUT image has ${SUT_NODE_VERSION}`);
  }
  return resolved;
}
