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

/** Whether anything at or under the paths is as notOurs says, as this host sees it. */
function anyNotOurs(paths: string[], uid: number, sinceMs: number): boolean {
  return paths.some((path) => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (notOurs(stat, uid, sinceMs)) return true;
    if (!stat?.isDirectory()) return false;
    return readdirSync(path, { recursive: true, encoding: "utf8" }).some((entry) => notOurs(lstatSync(join(path, entry), { throwIfNoEntry: false }), uid, sinceMs));
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
  if (!anyNotOurs(present, uid, sinceSeconds * 1000)) return;
  await execa("docker", [
    "run", "--rm", "--platform", SUT_PLATFORM.docker, "--userns", "host", "--network", "none",
    "--label", `${LABEL}=harness`, ...Object.entries(ownerLabels()).flatMap(([name, value]) => ["--label", `${name}=${value}`]),
    ...present.flatMap((path) => ["--volume", `${path}:${path}`]),
    "--entrypoint", "find", image, ...present,
    "!", "-user", String(uid), "-newerct", `@${sinceSeconds}`, "(", "-type", "d", "-o", "-links", "1", ")",
    "-exec", "chown", "-h", `${uid}:${gid}`, "{}", "+",
  ], { reject: false, stdout: "ignore", stderr: "inherit" });
}
