import { homedir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, whatever the working directory. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Host-side caches (npm installs of OpenClaw) that survive runs; images live in Docker. */
export const cacheRoot = process.env.OCF_CACHE_DIR ?? join(homedir(), ".cache", "openclaw-conformance");

export const reportsDir = process.env.OCF_REPORTS_DIR ?? join(projectRoot, "reports", "output");

/** Every container, image and network we create carries this label, so a sweep finds leftovers. */
export const LABEL = "org.openclaw-conformance";
