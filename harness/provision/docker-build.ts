import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { SUT_PLATFORM } from "../sut/image.ts";
import { HarnessError } from "../util/errors.ts";
import { progress, timed } from "../util/progress.ts";
import { archiveImage, findImage } from "./image-archive.ts";
import { localImageId } from "./image-tag.ts";

/**
 * The image `tag`, built from `dockerfile` with `contextDir` as its context (only `include` sent
 * to the engine) unless it exists already or the image archive has it; its ID.
 */
export async function ensureBuilt(tag: string, contextDir: string, dockerfile: string, include: string[], what: string): Promise<string> {
  const existing = await findImage(tag);
  if (existing) return existing;
  await writeFile(join(contextDir, "Dockerfile"), dockerfile);
  await writeFile(join(contextDir, ".dockerignore"), ["*", ...include.map((path) => `!${path}`), ""].join("\n"));
  progress(`building ${what} image ${tag}`);
  // --force-rm: a failed step's container goes too, or each failed build leaves one behind.
  await timed(`built ${tag}`, () =>
    execa("docker", ["build", "--quiet=false", "--force-rm", "--platform", SUT_PLATFORM.docker, "-t", tag, contextDir], {
      env: { DOCKER_BUILDKIT: "0" },
      // Build progress on stderr, like all progress: stdout stays for results.
      stdout: process.stderr,
      stderr: "inherit",
    }),
  );
  const id = await localImageId(tag);
  if (!id) throw new HarnessError(`docker build reported success but ${tag} is missing`);
  await archiveImage(tag);
  return id;
}
