import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { execa } from "execa";
import { timed } from "../util/progress.ts";
import { localImageId } from "./image-tag.ts";

/**
 * Images kept as files where a CI runner's cache can carry them to the next machine: when
 * OCF_IMAGE_ARCHIVE names a folder, an image missing from the engine is loaded from there before
 * it is built, and each image a run uses is saved there once. The files are named by the content
 * tag, so a stale one is never loaded for a changed recipe.
 */
const archiveDir = () => process.env.OCF_IMAGE_ARCHIVE || undefined;
const archiveFile = (dir: string, tag: string) => join(dir, `${tag.replace(/[/:]/g, "_")}.tar`);

/** The image's ID once loaded from the archive, or undefined when the archive has no such file (or there is none). */
async function loadArchivedImage(tag: string): Promise<string | undefined> {
  const dir = archiveDir();
  if (!dir || !existsSync(archiveFile(dir, tag))) return undefined;
  await timed(`loaded ${tag} from ${dir}`, () => execa("docker", ["load", "--input", archiveFile(dir, tag)], { stdout: "ignore" }));
  return localImageId(tag);
}

/** Saves the image to the archive unless it is there already (written aside, then renamed: a cut-off save leaves no half file). */
export async function archiveImage(tag: string): Promise<void> {
  const dir = archiveDir();
  if (!dir || existsSync(archiveFile(dir, tag))) return;
  await mkdir(dir, { recursive: true });
  const partial = `${archiveFile(dir, tag)}.partial`;
  try {
    await timed(`saved ${tag} to ${dir}`, () => execa("docker", ["save", "--output", partial, tag]));
    await rename(partial, archiveFile(dir, tag));
  } finally {
    await rm(partial, { force: true });
  }
}

/** The ID of the image in the engine, or loaded from the archive; undefined when it must be built. A found image is archived too. */
export async function findImage(tag: string): Promise<string | undefined> {
  const id = (await localImageId(tag)) ?? (await loadArchivedImage(tag));
  if (id) await archiveImage(tag);
  return id;
}
