import { type BaseImageRef, SUT_PLATFORM } from "../sut/image.ts";
import { EnvironmentError } from "../util/errors.ts";
import { progress } from "../util/progress.ts";
import { bootstrapBaseImage, debootstrapImageTag, findDebootstrappedImage } from "./debootstrap-image.ts";
import { localImageId } from "./image-tag.ts";
import { pullImage } from "./image-pull.ts";

/**
 * The official Debian bookworm image, pinned by digest: what a machine that reaches a registry
 * (GitHub's hosted runners, a laptop) builds on. The digest is `debian:bookworm-slim`'s manifest
 * list as independent public Dockerfiles pin it (seen in several, 2026-12-07); no registry answers
 * from the machine this was written on, so it was never pulled here, and a pull by digest fails
 * rather than take other content.
 */
export const DEFAULT_BASE_IMAGE = "debian:bookworm-slim@sha256:3783cc01769c7b2b1b83a5c5ad96c815348e28ed7da68e2e3687004faa906251";

/** What the choice of a base asks of the engine and the host: the real ones below, stand-ins in tests. */
export interface BaseProbes {
  /** The image's ID when the engine has it. */
  localId(ref: string): Promise<string | undefined>;
  /** The ID of an earlier bootstrapped base, when there is one. */
  bootstrapped(): Promise<string | undefined>;
  pull(ref: string): Promise<{ id?: string; refusal?: string }>;
  /** Bootstraps one (root and apt); its ID. */
  bootstrap(): Promise<string>;
}

/**
 * Where this run's Debian base comes from, without a setting in the common case:
 * - `named` (OCF_BASE_IMAGE): it must be in the engine or pullable (no root, no apt needed);
 * - otherwise the pinned official image, when the engine has it or can pull it;
 * - otherwise (no registry, as on this machine) one bootstrapped here with debootstrap, which
 *   needs root and apt; an earlier bootstrap is reused before any registry is asked.
 */
export async function chooseBase(named: string | undefined, root: boolean, probes: BaseProbes): Promise<BaseImageRef> {
  const ref = named || DEFAULT_BASE_IMAGE;
  const present = await probes.localId(ref);
  if (present) return { from: "engine", ref, id: present };
  if (!named) {
    const bootstrapped = await probes.bootstrapped();
    if (bootstrapped) return { from: "debootstrap", ref: debootstrapImageTag, id: bootstrapped };
  }
  const pulled = await probes.pull(ref);
  if (pulled.id) return { from: "registry", ref, id: pulled.id };
  if (named) throw new EnvironmentError(`OCF_BASE_IMAGE=${named} is not in the Docker engine for ${SUT_PLATFORM.docker} (our images' platform) and could not be pulled: ${pulled.refusal}`);
  if (!root) {
    throw new EnvironmentError(
      `no base image: ${ref} could not be pulled (${pulled.refusal}), and bootstrapping one with debootstrap needs root; set OCF_BASE_IMAGE to a Debian image the engine has (docker images), or run once as root`,
    );
  }
  progress(`no registry answered (${pulled.refusal}): bootstrapping the base from Debian's mirror`);
  return { from: "debootstrap", ref: debootstrapImageTag, id: await probes.bootstrap() };
}

/** The run's base, chosen with the real engine and this process's user and environment. */
export const baseSource = (): Promise<BaseImageRef> =>
  chooseBase(process.env.OCF_BASE_IMAGE?.trim() || undefined, process.getuid?.() === 0, {
    localId: localImageId,
    bootstrapped: findDebootstrappedImage,
    pull: pullImage,
    bootstrap: bootstrapBaseImage,
  });
