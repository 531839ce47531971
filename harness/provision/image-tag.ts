import { createHash } from "node:crypto";
import { execa } from "execa";
import { SUT_PLATFORM } from "../sut/image.ts";

/** A short, stable digest of a recipe: images are tagged by what went into them. */
export function contentTag(repository: string, recipe: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(recipe)).digest("hex").slice(0, 16);
  return `${repository}:${digest}`;
}

/**
 * The image's ID if the engine has it for our platform, else undefined: an arm64 image under the
 * same name (a laptop's own pull of debian:bookworm-slim) is not one to build on.
 */
export async function localImageId(tag: string): Promise<string | undefined> {
  const result = await execa("docker", ["image", "inspect", "--format", "{{.Id}} {{.Os}}/{{.Architecture}}", tag], { reject: false });
  if (result.exitCode !== 0) return undefined;
  const [id, platform] = result.stdout.trim().split(" ");
  return platform === SUT_PLATFORM.docker ? id : undefined;
}
