import { execa } from "execa";
import { SUT_PLATFORM } from "../sut/image.ts";
import { progress } from "../util/progress.ts";
import { localImageId } from "./image-tag.ts";

/** A pull is real work (tens of seconds on a fresh runner); this bounds only a registry that never answers. */
const PULL_BOUND_MS = 10 * 60_000;

/** Pulls the image: its ID, or the first line the engine said about why not (for the one message the user gets). */
export async function pullImage(ref: string): Promise<{ id?: string; refusal?: string }> {
  progress(`pulling ${ref}`);
  const result = await execa("docker", ["pull", "--quiet", "--platform", SUT_PLATFORM.docker, ref], { reject: false, timeout: PULL_BOUND_MS });
  if (result.exitCode === 0) {
    const id = await localImageId(ref);
    return id ? { id } : { refusal: `the engine pulled it, but shows no ${SUT_PLATFORM.docker} image under that name` };
  }
  return { refusal: `${result.stderr || result.shortMessage || ""}`.split("\n").find(Boolean) ?? "no answer" };
}

/** The image's ID when the engine has it or a registry gives it, else undefined. */
export async function presentOrPulled(ref: string): Promise<string | undefined> {
  return (await localImageId(ref)) ?? (await pullImage(ref)).id;
}
