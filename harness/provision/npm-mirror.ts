import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import {
  completeMarker, type NpmMirror, Packument, packumentFile, readNpmSnapshot, snapshotDir, tarballFile, trimPackument, versionsByName,
} from "../../mocks/npm-registry/snapshot.ts";
import { HarnessError } from "../util/errors.ts";
import { cacheRoot } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";

const REGISTRY = "https://registry.npmjs.org";

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

async function fetchOrExplain(url: string): Promise<Response> {
  const response = await fetch(url).catch((error: Error) => {
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
