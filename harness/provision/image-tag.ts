import { createHash } from "node:crypto";
import { execa } from "execa";

/** A short, stable digest of a recipe: images are tagged by what went into them. */
export function contentTag(repository: string, recipe: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(recipe)).digest("hex").slice(0, 16);
  return `${repository}:${digest}`;
}

/** The image's ID if it exists locally, else undefined. */
export async function localImageId(tag: string): Promise<string | undefined> {
  const result = await execa("docker", ["image", "inspect", "--format", "{{.Id}}", tag], { reject: false });
  return result.exitCode === 0 ? result.stdout.trim() : undefined;
}
