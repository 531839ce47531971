import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import semver from "semver";
import { z } from "zod";

/** `name@version`, the name possibly scoped (`@openai/codex@0.154.0-linux-x64`). */
const PinnedPackage = z.string().regex(/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+@\d+\.\d+\.\d+\S*$/, "expected name@version");

export const NpmSnapshot = z.strictObject({
  $comment: z.string().optional(),
  takenOn: z.iso.date(),
  packages: z.array(PinnedPackage).min(1),
});
export type NpmSnapshot = z.infer<typeof NpmSnapshot>;

const snapshotFile = new URL("./snapshot.json", import.meta.url);

export function readNpmSnapshot(): { snapshot: NpmSnapshot; key: string } {
  const text = readFileSync(snapshotFile, "utf8");
  return { snapshot: NpmSnapshot.parse(JSON.parse(text)), key: createHash("sha256").update(text).digest("hex").slice(0, 16) };
}

/** The pinned versions, by package name. */
export function versionsByName(snapshot: NpmSnapshot): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const pinned of snapshot.packages) {
    const at = pinned.lastIndexOf("@");
    const name = pinned.slice(0, at);
    byName.set(name, [...(byName.get(name) ?? []), pinned.slice(at + 1)]);
  }
  return byName;
}

/** A registry document (packument), as far as we read or rewrite it. */
export const Packument = z.looseObject({
  name: z.string(),
  "dist-tags": z.record(z.string(), z.string()),
  versions: z.record(z.string(), z.looseObject({ dist: z.looseObject({ tarball: z.url(), integrity: z.string() }) })),
  time: z.record(z.string(), z.string()).optional(),
});
export type Packument = z.infer<typeof Packument>;

/** The highest release among versions (a prerelease only when there is nothing else). */
const highest = (versions: string[]) => semver.rsort(versions.filter((version) => !semver.prerelease(version)))[0] ?? semver.rsort([...versions])[0]!;

/**
 * The packument as the mirror serves it: only the pinned versions, `latest` the highest of them,
 * no readme. Anything else npm asks for is then a clean ETARGET, never a tarball we lack
 * (npm skips such optional dependencies, e.g. codex's other platforms).
 */
export function trimPackument(full: Packument, versions: string[]): Packument {
  const missing = versions.filter((version) => !full.versions[version]);
  if (missing.length > 0) throw new Error(`npm has no ${full.name}@${missing.join(", @")}`);
  const kept = Object.fromEntries(versions.map((version) => [version, full.versions[version]!]));
  const time = full.time ? Object.fromEntries(Object.entries(full.time).filter(([key]) => key in kept || key === "created" || key === "modified")) : undefined;
  return { name: full.name, "dist-tags": { latest: highest(versions) }, versions: kept, ...(time && { time }) };
}

/** One name served from two pinned sets (the snapshot and an install closure): all their versions. */
export function mergePackuments(a: Packument, b: Packument): Packument {
  const versions = { ...a.versions, ...b.versions };
  const time = a.time || b.time ? { ...a.time, ...b.time } : undefined;
  return { name: a.name, "dist-tags": { latest: highest(Object.keys(versions)) }, versions, ...(time && { time }) };
}

/**
 * A filled mirror of the snapshot, as plain data (it crosses from vitest's global setup to the
 * workers). Packuments live per snapshot key, tarballs by their registry path, shared by all.
 */
export interface NpmMirror {
  root: string;
  key: string;
  takenOn: string;
  /**
   * The install closure of the OpenClaw under test, keyed by its lockfile: what
   * `npm install -g openclaw` fetches, `openclaw@latest` being that version.
   */
  closure?: string;
}

export const snapshotDir = (mirror: NpmMirror) => join(mirror.root, "snapshots", mirror.key);
export const completeMarker = (mirror: NpmMirror) => join(snapshotDir(mirror), "complete");
export const packumentFile = (mirror: NpmMirror, name: string) => join(snapshotDir(mirror), `${encodeURIComponent(name)}.json`);
export const closureDir = (root: string, key: string) => join(root, "closures", key);
export const closureMarker = (root: string, key: string) => join(closureDir(root, key), "complete");
/** Where each pinned set keeps a name's packument: the snapshot's first, then the closure's. */
export const packumentFiles = (mirror: NpmMirror, name: string) => [
  packumentFile(mirror, name),
  ...(mirror.closure ? [join(closureDir(mirror.root, mirror.closure), `${encodeURIComponent(name)}.json`)] : []),
];
/** `https://registry.npmjs.org/@openai/codex/-/codex-0.154.0.tgz` → `tarballs/@openai/codex/codex-0.154.0.tgz`. */
export const tarballFile = (mirror: NpmMirror, name: string, file: string) => join(mirror.root, "tarballs", name, file);

/** Splits a registry path into a package name and what follows (`-/file.tgz`, a version or a tag). */
export function parseRegistryPath(pathname: string): { name: string; rest: string[] } | undefined {
  const parts = decodeURIComponent(pathname).split("/").filter(Boolean);
  if (parts.length === 0 || parts[0]!.startsWith("-")) return undefined;
  const nameParts = parts[0]!.startsWith("@") ? 2 : 1;
  if (parts.length < nameParts) return undefined;
  return { name: parts.slice(0, nameParts).join("/"), rest: parts.slice(nameParts) };
}
