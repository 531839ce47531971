import type { OpenClawTarget } from "../target/openclaw-target.ts";

/** Where OpenClaw is installed inside an SUT image, and who runs it. */
export const SUT_PREFIX = "/opt/openclaw";
export const SUT_USER = "openclaw";
export const SUT_HOME = "/home/openclaw";
/** OpenClaw's own log, a file a day (logging.file's default on 2026.5.12 and 2026.9.6, measured). */
export const OPENCLAW_LOG_GLOB = "/tmp/openclaw/openclaw-*.log";

/** A built SUT image: real OpenClaw and Node in a Debian base (provision/sut-image.ts builds it). */
export interface SutImage {
  tag: string;
  id: string;
  openclawVersion: string;
  nodeVersion: string;
  /** The same npm install tree that was copied into the image, kept on the host (docs live here). */
  installDir: string;
  /** What was installed: a release from npm, or a tarball or checkout (with its sha256). */
  target: OpenClawTarget;
}
