import { existsSync, lstatSync, readdirSync, type Stats } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { SUT_PLATFORM } from "../sut/image.ts";
import { ownerLabels } from "../sut/owner.ts";
import { LABEL } from "../util/paths.ts";

/** Whether a file this run wrote is someone else's: created or changed since (ctime, which no extraction sets back), one link (a hard link's inode is another tree's too), not ours. */
function notOurs(stat: Stats | undefined, uid: number, sinceMs: number): boolean {
  return Boolean(stat && stat.ctimeMs >= sinceMs && stat.uid !== uid && (stat.isDirectory() || stat.nlink === 1));
}

/** Everything at or under the paths that notOurs picks, as this host sees it. */
function notOursUnder(paths: string[], uid: number, sinceMs: number): string[] {
  return paths.flatMap((path) => {
    const below = lstatSync(path).isDirectory() ? readdirSync(path, { recursive: true, encoding: "utf8" }).map((entry) => join(path, entry)) : [];
    return [path, ...below].filter((at) => notOurs(lstatSync(at, { throwIfNoEntry: false }), uid, sinceMs));
  });
}

/**
 * What the harness, root in its own container, wrote into this launcher's folders (the reports,
 * a cache folder, an image archive) becomes the launcher's, where the launcher is not root and a
 * native engine left root the owner: the user could not delete or rewrite it. Decided from this
 * side, so nothing happens where the engine's file sharing or user namespace already shows the
 * files as the user's (Docker Desktop, rootless Docker). The chown runs in the host's user
 * namespace, where a daemon remaps users, and only on what the run wrote (see notOurs).
 */
export async function giveBackToLauncher(image: string, paths: string[], since: Date): Promise<void> {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || gid === undefined || uid === 0) return;
  // A second early: ctime and the clock are read with different precision.
  const sinceSeconds = Math.floor(since.getTime() / 1000) - 1;
  const present = paths.filter((path) => existsSync(path));
  const taken = notOursUnder(present, uid, sinceSeconds * 1000);
  if (!taken.length) return;
  // Exactly what this side picked (the folders are mounted at their own paths), NUL-separated on stdin.
  await execa("docker", [
    "run", "--rm", "--interactive", "--platform", SUT_PLATFORM.docker, "--userns", "host", "--network", "none",
    "--label", `${LABEL}=harness`, ...Object.entries(ownerLabels()).flatMap(([name, value]) => ["--label", `${name}=${value}`]),
    ...present.flatMap((path) => ["--volume", `${path}:${path}`]),
    "--entrypoint", "xargs", image, "-0", "chown", "-h", `${uid}:${gid}`,
  ], { input: taken.join("\0"), reject: false, stdout: "ignore", stderr: "inherit" });
}
