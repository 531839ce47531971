import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import pMap from "p-map";
import {
  closureDir, closureMarker, completeMarker, type NpmMirror, Packument, packumentFile, readNpmSnapshot, snapshotDir, tarballFile, trimPackument, versionsByName,
} from "../../mocks/npm-registry/snapshot.ts";
import type { SutImage } from "../sut/image.ts";
import { type ClosurePackage, installClosure, PackageLock } from "./install-closure.ts";
import { HarnessError } from "../util/errors.ts";
import { cacheRoot } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";

const REGISTRY = "https://registry.npmjs.org";
/** Fetches at once while filling a closure: hundreds of small files, so latency, not bandwidth, is the cost. */
const FETCHES_AT_ONCE = 16;
/** The abbreviated packument npm itself asks for when installing: what an install reads, a fraction of the size. */
const INSTALL_PACKUMENT = { accept: "application/vnd.npm.install-v1+json" };

/**
 * Fills the mock registry's cache from the real npm registry: the pinned packuments, trimmed,
 * and their tarballs, each checked against its published integrity. Done once per snapshot
 * (a marker file says it is complete); runs never touch the network.
 */
export async function ensureNpmMirror(): Promise<NpmMirror> {
  const { snapshot, key } = readNpmSnapshot();
  const mirror: NpmMirror = { root: join(cacheRoot, "npm-mirror"), key, takenOn: snapshot.takenOn };
  if (existsSync(completeMarker(mirror))) return mirror;
  await timed(`npm snapshot of ${snapshot.takenOn} mirrored`, async () => {
    await mkdir(snapshotDir(mirror), { recursive: true });
    for (const [name, versions] of versionsByName(snapshot)) {
      const response = await fetchOrExplain(`${REGISTRY}/${name.replace("/", "%2f")}`);
      const full = Packument.parse(await response.json());
      const trimmed = trimOrExplain(full, versions);
      for (const version of versions) {
        const { dist } = trimmed.versions[version]!;
        await ensureTarball(tarballFile(mirror, name, dist.tarball.split("/").at(-1)!), dist);
      }
      await writeFile(packumentFile(mirror, name), JSON.stringify(trimmed));
    }
    await writeFile(completeMarker(mirror), `${snapshot.takenOn}\n`);
  });
  return mirror;
}

function trimOrExplain(full: Packument, versions: string[]): Packument {
  try {
    return trimPackument(full, versions);
  } catch (error) {
    throw new HarnessError(`mocks/npm-registry/snapshot.json: ${(error as Error).message}`);
  }
}

/**
 * Adds the install closure of the image's OpenClaw to the mirror: every package its host install
 * fetched (read from that install's lockfile, so exactly what npm chose), its packument trimmed to
 * those versions and its tarball checked against the lockfile's integrity. A build that is not on
 * npm (a tarball or checkout) is served as if published: its manifest and tarball as npm would.
 * Keyed by the lockfile, so once per build.
 */
export async function withInstallClosure(mirror: NpmMirror, image: SutImage): Promise<NpmMirror> {
  const lockText = await readFile(join(image.installDir, "package-lock.json"), "utf8");
  const key = createHash("sha256").update(lockText).digest("hex").slice(0, 16);
  if (existsSync(closureMarker(mirror.root, key))) return { ...mirror, closure: key };
  const closure = installClosure(PackageLock.parse(JSON.parse(lockText)), "openclaw");
  const fromNpm = image.target.kind === "npm" ? closure : closure.filter((pkg) => pkg.name !== "openclaw");
  await timed(`install closure of openclaw@${image.openclawVersion} mirrored (${closure.length} packages)`, async () => {
    await mkdir(closureDir(mirror.root, key), { recursive: true });
    const byName = Map.groupBy(fromNpm, (pkg) => pkg.name);
    await pMap(byName, ([name, pinned]) => mirrorPinned(mirror, key, name, pinned), { concurrency: FETCHES_AT_ONCE });
    if (image.target.kind !== "npm") await publishBuild(mirror, key, image.installDir, image.target);
    await writeFile(closureMarker(mirror.root, key), `${image.openclawVersion}\n`);
  });
  return { ...mirror, closure: key };
}

async function mirrorPinned(mirror: NpmMirror, key: string, name: string, pinned: ClosurePackage[]): Promise<void> {
  const response = await fetchOrExplain(`${REGISTRY}/${name.replace("/", "%2f")}`, INSTALL_PACKUMENT);
  const trimmed = trimOrExplain(Packument.parse(await response.json()), pinned.map((pkg) => pkg.version));
  for (const { version, integrity } of pinned) {
    const { dist } = trimmed.versions[version]!;
    if (dist.integrity !== integrity) throw new HarnessError(`npm's ${name}@${version} is ${dist.integrity}, the install's lockfile says ${integrity}`);
    await ensureTarball(tarballFile(mirror, name, dist.tarball.split("/").at(-1)!), dist);
  }
  await writeFile(join(closureDir(mirror.root, key), `${encodeURIComponent(name)}.json`), JSON.stringify(trimmed));
}

/** A build under test that npm never saw, as `npm publish` would have put it: manifest and tarball. */
async function publishBuild(mirror: NpmMirror, key: string, installDir: string, build: { tarball: string; sha256: string }): Promise<void> {
  const manifest = JSON.parse(await readFile(join(installDir, "node_modules", "openclaw", "package.json"), "utf8")) as { name: string; version: string };
  // Named by content too: a build may carry the version number of a published release.
  const file = `openclaw-${manifest.version}-build-${build.sha256.slice(0, 16)}.tgz`;
  const hash = createHash("sha512");
  await pipeline(createReadStream(build.tarball), hash);
  const dist = { tarball: `${REGISTRY}/openclaw/-/${file}`, integrity: `sha512-${hash.digest("base64")}` };
  await mkdir(dirname(tarballFile(mirror, "openclaw", file)), { recursive: true });
  await copyFile(build.tarball, tarballFile(mirror, "openclaw", file));
  const packument: Packument = { name: "openclaw", "dist-tags": { latest: manifest.version }, versions: { [manifest.version]: { ...manifest, dist } } };
  await writeFile(join(closureDir(mirror.root, key), "openclaw.json"), JSON.stringify(packument));
}

async function fetchOrExplain(url: string, headers?: Record<string, string>): Promise<Response> {
  const response = await fetch(url, { headers }).catch((error: Error) => {
    throw new HarnessError(`cannot reach the npm registry to fill the mock registry's snapshot (${url}): ${error.message}`);
  });
  if (!response.ok || !response.body) throw new HarnessError(`the npm registry answered ${response.status} for ${url}`);
  return response;
}

async function ensureTarball(file: string, dist: { tarball: string; integrity: string }): Promise<void> {
  if (existsSync(file)) return;
  await mkdir(dirname(file), { recursive: true });
  progress(`downloading ${dist.tarball}`);
  const response = await fetchOrExplain(dist.tarball);
  const [algorithm, expected] = dist.integrity.split("-", 2) as [string, string];
  const hash = createHash(algorithm);
  const partial = `${file}.partial`;
  await pipeline(
    Readable.fromWeb(response.body as ReadableStream),
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        yield chunk;
      }
    },
    createWriteStream(partial),
  );
  if (hash.digest("base64") !== expected) {
    await rm(partial, { force: true });
    throw new HarnessError(`${dist.tarball} does not match its published integrity ${dist.integrity}`);
  }
  // Into place in one rename, so an interrupted download never looks complete.
  await rename(partial, file);
}
