import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { SUT_PLATFORM } from "../sut/image.ts";
import { HarnessError } from "../util/errors.ts";
import { cacheRoot, LABEL, projectRoot } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";
import { ensureBaseImage } from "./base-image.ts";
import { ensureBuilt } from "./docker-build.ts";
import { findImage } from "./image-archive.ts";
import { presentOrPulled } from "./image-pull.ts";
import { contentTag } from "./image-tag.ts";
import { ensureNodeOnlyImage } from "./node-only-image.ts";

/** Where the project lives in the harness's image; its own files are copied there at each start. */
export const HARNESS_PROJECT_DIR = "/ocf/project";

/** The files that decide the harness's dependencies. */
const MANIFESTS = ["package.json", "package-lock.json"];

/**
 * The project's dependencies as package-lock.json pins them, installed here for Linux x64 (npm's
 * --os/--cpu pick the platform packages: a Mac's own would not run in the container). Here, not in
 * the build: the host's npm has the registry and the certificates to reach it.
 */
async function installDependencies(lock: string): Promise<string> {
  const installDir = join(cacheRoot, "harness", lock.slice(0, 16));
  if (existsSync(join(installDir, "node_modules", ".package-lock.json"))) return installDir;
  // Installed aside, then renamed: two launchers on a fresh machine never share a half tree.
  const partial = `${installDir}.partial-${process.pid}`;
  await mkdir(partial, { recursive: true });
  for (const name of MANIFESTS) await copyFile(join(projectRoot, name), join(partial, name));
  progress(`npm ci of the harness's dependencies for Linux into ${installDir}`);
  try {
    await timed("npm ci done", () =>
      execa("npm", ["ci", "--omit=dev", ...SUT_PLATFORM.npm, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: partial, stdout: "ignore", stderr: "inherit" }),
    );
    await rename(partial, installDir).catch((error: NodeJS.ErrnoException) => {
      // Another launcher finished first: its tree is the same.
      if (!existsSync(join(installDir, "node_modules", ".package-lock.json"))) throw error;
    });
  } catch (error) {
    throw new HarnessError(`npm ci of the harness's dependencies failed: ${(error as Error).message}`);
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return installDir;
}

/**
 * The engine's official static CLI, pinned: docker:29.7.2-cli's multi-platform manifest digest, the
 * one that independent public Dockerfiles pin it by (seen in several, 2026-12-07; not pulled from
 * here, where no registry answers). Engines from Docker 29 on refuse clients older than API 1.44,
 * and Debian bookworm's docker.io is 20.10 (API 1.41).
 */
export const ENGINE_CLI_IMAGE = "docker:29.7.2-cli@sha256:3f4743208d2338c934d7b8bcfbe1bb54c0b2355c510ad5e0f31c0c4a54bd704e";

interface Candidate {
  dockerfile: string;
  tag: string;
}

/** The build stages the engine's CLI can be copied from, best first: the official client, else Debian's (which an engine of its age, as here, still serves). */
const engineCliStages = (baseTag: string) => [
  { lines: [`FROM ${ENGINE_CLI_IMAGE} AS engine-cli`], binary: "/usr/local/bin/docker" },
  {
    lines: [`FROM ${baseTag} AS engine-cli`, "RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends docker.io >/dev/null"],
    binary: "/usr/bin/docker",
  },
];

/**
 * The harness's own machine, for engines in a VM: our Node and npm (the node-only image), the
 * engine's CLI (copied out of a build stage) and the project's dependencies. Tagged by those, so
 * an edit to the harness builds nothing: in-container.ts copies the project's files in at each
 * start. An image already built with either CLI is used as it is; only a build asks a registry.
 */
export async function ensureHarnessImage(): Promise<string> {
  const [{ tag: baseTag }, nodeOnly] = await Promise.all([ensureBaseImage(), ensureNodeOnlyImage()]);
  const manifests = await Promise.all(MANIFESTS.map((name) => readFile(join(projectRoot, name))));
  const lock = createHash("sha256").update(Buffer.concat(manifests)).digest("hex");
  const candidates = engineCliStages(baseTag).map((stage) => {
    const dockerfile = [
      ...stage.lines,
      `FROM ${nodeOnly.tag}`,
      `COPY --from=engine-cli ${stage.binary} /usr/local/bin/docker`,
      `COPY node_modules ${HARNESS_PROJECT_DIR}/node_modules`,
      `LABEL ${LABEL}=harness`,
      "",
    ].join("\n");
    return { dockerfile, tag: contentTag("openclaw-conformance/harness", { nodeOnlyId: nodeOnly.id, lock, dockerfile }) };
  });
  for (const { tag } of candidates) if (await findImage(tag)) return tag;
  const [official, debian] = candidates as [Candidate, Candidate];
  const chosen = (await presentOrPulled(ENGINE_CLI_IMAGE)) ? official : debian;
  await ensureBuilt(chosen.tag, await installDependencies(lock), chosen.dockerfile, ["node_modules"], "harness");
  return chosen.tag;
}
