import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { BaseImageRef } from "../sut/image.ts";
import { SUT_HOME, SUT_PACKAGES, SUT_UID, SUT_USER } from "../sut/image.ts";
import { cacheRoot, LABEL } from "../util/paths.ts";
import { baseSource } from "./base-source.ts";
import { ensureBuilt } from "./docker-build.ts";
import { contentTag } from "./image-tag.ts";


/**
 * Makes any Debian image an SUT machine, doing only what it lacks: the packages (apt, inside the
 * build, where the base came from a registry) and the SUT user at uid 1000 (renaming a user
 * and group already there, as the official Node images' `node`).
 */
const prepareScript = [
  "set -e",
  'command -v apt-get >/dev/null || { echo "the base image is not Debian-based (no apt-get)" >&2; exit 1; }',
  `missing=""; for p in ${SUT_PACKAGES.join(" ")}; do dpkg-query -W -f='\${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"; done`,
  'if [ -n "$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing && rm -rf /var/lib/apt/lists/*; fi',
  `existing=$(getent passwd ${SUT_UID} | cut -d: -f1)`,
  `if [ -z "$existing" ]; then useradd --create-home --uid ${SUT_UID} --shell /bin/bash ${SUT_USER};`,
  `elif [ "$existing" != ${SUT_USER} ]; then usermod --login ${SUT_USER} --move-home --home ${SUT_HOME} --shell /bin/bash "$existing";`,
  `  getent group ${SUT_USER} >/dev/null || groupmod --new-name ${SUT_USER} "$(id -gn ${SUT_USER})"; fi`,
].join("\n");

/** The base's ID decides the tag, not the name it was given: the same image under two names is one cache entry. */
function dockerfile(source: BaseImageRef): string {
  return [`FROM ${source.ref}`, `RUN ${JSON.stringify(["sh", "-c", prepareScript])}`, `LABEL ${LABEL}=base`, ""].join("\n");
}

export interface PreparedBase {
  tag: string;
  id: string;
  base: BaseImageRef;
}

let prepared: Promise<PreparedBase> | undefined;

async function prepare(): Promise<PreparedBase> {
  const base = await baseSource();
  const tag = contentTag("openclaw-conformance/sut-base", { baseId: base.id, prepareScript });
  const contextDir = join(cacheRoot, "sut-base");
  await mkdir(contextDir, { recursive: true });
  const id = await ensureBuilt(tag, contextDir, dockerfile(base), [], `SUT base (from ${base.ref})`);
  return { tag, id, base };
}

/**
 * The image every machine image builds FROM: the run's Debian base (base-source.ts) with what an
 * SUT needs, tagged by the base's ID and the preparation. Decided once per process.
 */
export function ensureBaseImage(): Promise<PreparedBase> {
  prepared ??= prepare().catch((error: unknown) => {
    prepared = undefined;
    throw error;
  });
  return prepared;
}
