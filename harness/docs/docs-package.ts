import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { execa } from "execa";
import semver from "semver";
import { dir } from "tmp-promise";
import type { OpenClawTarget } from "../target/openclaw-target.ts";
import { resolveOpenClawRelease } from "../target/openclaw-version.ts";
import { HarnessError } from "../util/errors.ts";
import { cacheRoot } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";

/**
 * The docs tree that ships in `openclaw@<version>`, without installing the package: its tarball
 * (from `npm pack`, which uses npm's cache) is unpacked once into our cache. Used to explain or
 * check docs of a version without building its image, and by the extractor tests.
 */
export async function ensureDocsOfVersion(version: string): Promise<string> {
  // Cached under the exact version: a dist-tag (latest) moves, so it is asked of npm first.
  const cached = (exact: string) => join(cacheRoot, "docs", exact, "docs");
  if (semver.valid(version) && existsSync(cached(version))) return cached(version);
  const release = await resolveOpenClawRelease(version);
  const docsRoot = cached(release.version);
  if (existsSync(docsRoot)) return docsRoot;
  const work = await dir({ unsafeCleanup: true });
  try {
    progress(`fetching the docs of openclaw@${release.version} (npm pack)`);
    const { stdout } = await timed("npm pack done", () =>
      execa("npm", ["pack", `openclaw@${release.version}`, "--pack-destination", work.path, "--silent"], { cwd: work.path }),
    );
    const tarball = join(work.path, stdout.trim().split("\n").at(-1)!);
    const unpacked = join(work.path, "unpacked");
    await mkdir(unpacked);
    await execa("tar", ["-xzf", tarball, "-C", unpacked, "--strip-components=1", "package/docs"]);
    // Into place in one rename, so an interrupted fetch never leaves a half tree in the cache.
    await mkdir(dirname(docsRoot), { recursive: true });
    await rm(docsRoot, { recursive: true, force: true });
    await rename(join(unpacked, "docs"), docsRoot);
    return docsRoot;
  } catch (error) {
    throw new HarnessError(`could not fetch the docs of openclaw@${release.version}: ${(error as Error).message}`);
  } finally {
    await work.cleanup();
  }
}

/**
 * The docs tree of any target: a release's from npm, a tarball's (or packed checkout's) own,
 * unpacked once into our cache under the tarball's hash.
 */
export async function ensureDocsOf(target: OpenClawTarget): Promise<string> {
  if (target.kind === "npm") return ensureDocsOfVersion(target.version);
  const docsRoot = join(cacheRoot, "docs", `tarball-${target.sha256.slice(0, 16)}`, "docs");
  if (existsSync(docsRoot)) return docsRoot;
  const work = await dir({ unsafeCleanup: true });
  try {
    await execa("tar", ["-xzf", target.tarball, "-C", work.path, "--strip-components=1", "package/docs"]);
    await mkdir(dirname(docsRoot), { recursive: true });
    await rm(docsRoot, { recursive: true, force: true });
    await rename(join(work.path, "docs"), docsRoot);
    return docsRoot;
  } catch (error) {
    throw new HarnessError(`could not unpack the docs of ${target.tarball}: ${(error as Error).message}`);
  } finally {
    await work.cleanup();
  }
}
