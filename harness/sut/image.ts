import { z } from "zod";
import type { OpenClawTarget } from "../target/openclaw-target.ts";

/** Where OpenClaw is installed inside an SUT image, and who runs it. */
export const SUT_PREFIX = "/opt/openclaw";
export const SUT_USER = "openclaw";
export const SUT_HOME = "/home/openclaw";
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

/** An image an SUT container runs: the Debian base, our Node and npm, the SUT user. */
export interface MachineImage {
  tag: string;
  id: string;
  nodeVersion: string;
}

/** A built SUT image: real OpenClaw and Node in a Debian base (provision/sut-image.ts builds it). */
export interface SutImage extends MachineImage {
  openclawVersion: string;
  /** The same npm install tree that was copied into the image, kept on the host (docs live here). */
  installDir: string;
  /** What was installed: a release from npm, or a tarball or checkout (with its sha256). */
  target: OpenClawTarget;
}
