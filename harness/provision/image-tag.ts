import { createHash } from "node:crypto";
import { execa } from "execa";
import { SUT_PLATFORM } from "../sut/image.ts";

/** A short, stable digest of a recipe: images are tagged by what went into them. */
export function contentTag(repository: string, recipe: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(recipe)).digest("hex").slice(0, 16);
  return `${repository}:${digest}`;
}

const inspect = (tag: string, platform: string[]) =>
  execa("docker", ["image", "inspect", ...platform, "--format", "{{.Id}} {{.Os}}/{{.Architecture}}", tag], { reject: false });

/**
 * The image's ID if the engine has it for our platform, else undefined: an arm64 image under the
 * same name (a laptop's own pull of debian:bookworm-slim) is not one to build on. A
 * multi-platform image store (containerd's, Docker Desktop's default) shows the host's variant
 * first; a CLI that knows `image inspect --platform` (API 1.49) is asked for ours then.
 */
export async function localImageId(tag: string): Promise<string | undefined> {
  for (const platform of [[], ["--platform", SUT_PLATFORM.docker]]) {
    const result = await inspect(tag, platform);
    if (result.exitCode !== 0) return undefined;
    const [id, shown] = result.stdout.trim().split(" ");
    if (shown === SUT_PLATFORM.docker) return id;
  }
  return undefined;
}
