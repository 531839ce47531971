import { rm } from "node:fs/promises";
import { execa } from "execa";
import { dir } from "tmp-promise";
import { HarnessError } from "../util/errors.ts";
import { LABEL } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";
import { ensureDebianCommands } from "./apt.ts";
import { archiveImage, findImage } from "./image-archive.ts";
import { contentTag, localImageId } from "./image-tag.ts";

/**
 * What the base image is made of. Changing any field changes the tag, so a stale base is never
 * reused. No registry is reachable here, so the base is bootstrapped from Debian's mirror.
 */
const baseRecipe = {
  recipeVersion: 1,
  suite: "bookworm",
  mirror: "http://deb.debian.org/debian",
  variant: "minbase",
  // ip adds the public-looking addresses on lo; ps shows whether codex app-server runs;
  // script (bsdutils, essential) gives commands a TTY.
  include: ["ca-certificates", "iproute2", "procps"],
  user: { name: "openclaw", uid: 1000 },
};

export const baseImageTag = contentTag("openclaw-conformance/base", baseRecipe);

/** debootstrap mounts proc/sys into the target; unmount before deleting, or rm walks into them. */
async function unmountInside(rootfs: string): Promise<void> {
  for (const mount of ["proc", "sys", "dev/pts", "dev"]) {
    await execa("umount", ["-l", `${rootfs}/${mount}`], { reject: false });
  }
}

async function bootstrap(rootfs: string): Promise<void> {
  const { suite, mirror, variant, include, user } = baseRecipe;
  await timed("debootstrap done", () =>
    execa("debootstrap", [`--variant=${variant}`, `--include=${include.join(",")}`, suite, rootfs, mirror], {
      stdout: "ignore",
      stderr: "inherit",
    }),
  );
  await execa("chroot", [rootfs, "useradd", "--create-home", "--uid", String(user.uid), "--shell", "/bin/bash", user.name]);
  await execa("chroot", [rootfs, "apt-get", "clean"]);
  await rm(`${rootfs}/var/lib/apt/lists`, { recursive: true, force: true });
}

/** Builds the Debian base image unless an image with the same recipe exists. */
export async function ensureBaseImage(): Promise<{ tag: string; id: string }> {
  const existing = await findImage(baseImageTag);
  if (existing) return { tag: baseImageTag, id: existing };
  await ensureDebianCommands({ debootstrap: "debootstrap" });
  progress(`building base image ${baseImageTag} (debootstrap ${baseRecipe.suite}, ~40 s)`);
  const workDir = await dir({ prefix: "ocf-rootfs-", tmpdir: "/var/tmp" });
  const rootfs = `${workDir.path}/rootfs`;
  try {
    await bootstrap(rootfs);
    await timed(`imported ${baseImageTag}`, () =>
      execa("sh", ["-c", `tar -C "$1" -c . | docker import --change "LABEL ${LABEL}=base" - "$2"`, "sh", rootfs, baseImageTag], {
        stdout: "ignore",
      }),
    );
  } finally {
    await unmountInside(rootfs);
    await rm(workDir.path, { recursive: true, force: true });
  }
  const id = await localImageId(baseImageTag);
  if (!id) throw new HarnessError(`docker import reported success but ${baseImageTag} is missing`);
  await archiveImage(baseImageTag);
  return { tag: baseImageTag, id };
}
