import { createHash } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { execa } from "execa";
import semver from "semver";
import { dir } from "tmp-promise";
import { z } from "zod";
import { commaList } from "../util/comma-list.ts";
import { BadInputError } from "../util/errors.ts";
import { cacheRoot } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";
import { isVersionRange, resolveOpenClawRelease, resolveOpenClawReleases, SUT_NODE_VERSION } from "./openclaw-version.ts";

/**
 * The OpenClaw under test: a release from npm, or a build a maintainer has not published yet
 * (an `npm pack` tarball, or a built checkout, which is packed the way npm would publish it).
 * `version` is what its package.json says; scenario ranges and known drift are matched on it.
 */
export const OpenClawTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("npm"), version: z.string() }),
  z.object({
    kind: z.literal("tarball"),
    version: z.string(),
    /** The tarball the image is built from (for a checkout: the one packed from it). */
    tarball: z.string(),
    sha256: z.string(),
    /** The checkout it was packed from, when it was given as one. */
    checkout: z.string().optional(),
  }),
]);
export type OpenClawTarget = z.infer<typeof OpenClawTarget>;

/** One line naming what is under test, for reports. */
export function describeTarget(target: OpenClawTarget): string {
  if (target.kind === "npm") return `openclaw@${target.version} from npm`;
  const from = target.checkout ? `the checkout ${target.checkout} (packed)` : target.tarball;
  return `openclaw ${target.version} from ${from}, sha256 ${target.sha256}`;
}

/** Whether `--openclaw` names a file or folder rather than a version (which has no slash or dot start). */
export const looksLikePath = (given: string) => given.includes("/") || given.startsWith(".") || /\.(tgz|tar\.gz)$/.test(given);

async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

const PackageJson = z.object({ name: z.string(), version: z.string(), engines: z.object({ node: z.string() }).partial().optional() });

/** The package.json of an OpenClaw package, checked: it must be openclaw and run on the SUT's Node. */
function checkManifest(text: string, where: string): z.infer<typeof PackageJson> {
  let manifest: z.infer<typeof PackageJson>;
  try {
    manifest = PackageJson.parse(JSON.parse(text));
  } catch {
    throw new BadInputError(`${where}: no readable package.json with a name and a version`);
  }
  if (manifest.name !== "openclaw") throw new BadInputError(`${where}: this is the package "${manifest.name}", not openclaw`);
  const engines = manifest.engines?.node ?? "*";
  if (!semver.satisfies(SUT_NODE_VERSION, engines)) throw new BadInputError(`${where}: openclaw ${manifest.version} wants node ${engines}; the SUT image has ${SUT_NODE_VERSION}`);
  return manifest;
}

async function tarballTarget(tarball: string, checkout?: string): Promise<OpenClawTarget> {
  const listed = await execa("tar", ["-xzOf", tarball, "package/package.json"], { reject: false, encoding: "utf8" });
  if (listed.exitCode !== 0) throw new BadInputError(`${checkout ?? tarball}: not an npm package tarball (no package/package.json in it)`);
  const manifest = checkManifest(listed.stdout, checkout ?? tarball);
  return { kind: "tarball", version: manifest.version, tarball, sha256: await sha256Of(tarball), ...(checkout ? { checkout } : {}) };
}

/**
 * A built checkout, packed as npm would publish it (its `files`, no scripts run), into our
 * cache under the pack's own hash: the same tree packs to the same tarball and builds nothing new.
 */
async function packCheckout(checkout: string): Promise<OpenClawTarget> {
  const manifestFile = join(checkout, "package.json");
  if (!existsSync(manifestFile)) throw new BadInputError(`--openclaw ${checkout}: no package.json there; give a checkout of OpenClaw, a tarball from npm pack, or a version`);
  checkManifest(await readFile(manifestFile, "utf8"), checkout);
  if (!existsSync(join(checkout, "dist")) || !existsSync(join(checkout, "docs"))) {
    throw new BadInputError(`--openclaw ${checkout}: the checkout is not built (it needs dist/ and docs/); build it first`);
  }
  const work = await dir({ unsafeCleanup: true });
  try {
    const { stdout } = await timed(`packed ${checkout}`, () =>
      execa("npm", ["pack", checkout, "--ignore-scripts", "--pack-destination", work.path, "--json", "--silent"], { cwd: work.path }),
    );
    const packed = join(work.path, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
    const sha256 = await sha256Of(packed);
    const kept = join(cacheRoot, "packed", `openclaw-${sha256.slice(0, 16)}.tgz`);
    await mkdir(join(cacheRoot, "packed"), { recursive: true });
    await copyFile(packed, kept);
    return tarballTarget(kept, checkout);
  } finally {
    await work.cleanup();
  }
}

/**
 * What `--openclaw` names: a path (a tarball or a checkout) or a version or dist-tag, which npm
 * resolves (an unknown one is bad input, an unreachable registry the environment's problem).
 */
export async function resolveTarget(given: string): Promise<OpenClawTarget> {
  if (!looksLikePath(given) && !existsSync(given)) return { kind: "npm", version: (await resolveOpenClawRelease(given)).version };
  const path = resolve(given);
  if (!existsSync(path)) throw new BadInputError(`--openclaw ${given}: no such file or folder (give a version, a tarball from npm pack, or a built checkout)`);
  if (statSync(path).isDirectory()) {
    progress(`packing the checkout ${path}`);
    return packCheckout(path);
  }
  return tarballTarget(path);
}

/**
 * `--openclaw a,b,…`: each resolved, in order, each once (`latest` and the version it names are
 * one); a range (`>=2026.8.0`) stands for every release in it. An empty list is bad input.
 */
export async function resolveTargets(list: string): Promise<OpenClawTarget[]> {
  const given = commaList(list);
  if (!given.length) throw new BadInputError("--openclaw is empty: give one or more versions, tarballs or checkouts, comma-separated");
  const targets: OpenClawTarget[] = [];
  const key = (candidate: OpenClawTarget) => (candidate.kind === "npm" ? candidate.version : candidate.sha256);
  for (const one of given) {
    // A range is every release in it, a matrix; anything else is one target.
    const named: OpenClawTarget[] = isVersionRange(one) ? (await resolveOpenClawReleases(one)).map(({ version }) => ({ kind: "npm", version })) : [await resolveTarget(one)];
    for (const target of named) if (!targets.some((known) => key(known) === key(target))) targets.push(target);
  }
  return targets;
}
