import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { dir } from "tmp-promise";
import { afterAll, beforeAll, expect, test } from "vitest";
import { baseSource } from "../../harness/provision/base-source.ts";
import { localImageId } from "../../harness/provision/image-tag.ts";
import { EnvironmentError } from "../../harness/util/errors.ts";
import { LABEL } from "../../harness/util/paths.ts";

// A laptop on Apple silicon holds arm64 images under the names we ask for (its own pull of a
// Debian image): our x64 Node cannot run on them, so they are not ours to build on. An empty
// image whose config says linux/arm64 stands for one, loaded as `docker save` writes images (this
// engine's import and build ignore --platform); nothing in it ever runs.
// A registry host that cannot resolve (RFC 6761): the pull OCF_BASE_IMAGE asks for fails at once anywhere.
const ARM64_IMAGE = "ocf-e2e.invalid/arm64-only:empty";

beforeAll(async () => {
  const work = await dir({ prefix: "ocf-arm64-image-", unsafeCleanup: true });
  try {
    mkdirSync(join(work.path, "layer"));
    await execa("tar", ["-c", "-T", "/dev/null", "-f", join(work.path, "layer", "layer.tar")]);
    const diffId = createHash("sha256").update(readFileSync(join(work.path, "layer", "layer.tar"))).digest("hex");
    const config = { architecture: "arm64", os: "linux", config: { Labels: { [LABEL]: "e2e" } }, rootfs: { type: "layers", diff_ids: [`sha256:${diffId}`] } };
    writeFileSync(join(work.path, "config.json"), JSON.stringify(config));
    writeFileSync(join(work.path, "manifest.json"), JSON.stringify([{ Config: "config.json", RepoTags: [ARM64_IMAGE], Layers: ["layer/layer.tar"] }]));
    await execa("sh", ["-c", 'tar -C "$1" -c manifest.json config.json layer/layer.tar | docker load', "sh", work.path]);
  } finally {
    await work.cleanup();
  }
});
afterAll(async () => {
  await execa("docker", ["rmi", ARM64_IMAGE], { reject: false });
});

test("an image of another platform under the name asked for is not taken as present, and OCF_BASE_IMAGE naming it says which platform is wanted", async () => {
  const { stdout } = await execa("docker", ["image", "inspect", "--format", "{{.Os}}/{{.Architecture}}", ARM64_IMAGE]);
  expect(stdout.trim()).toBe("linux/arm64");
  expect(await localImageId(ARM64_IMAGE)).toBeUndefined();

  const named = process.env.OCF_BASE_IMAGE;
  process.env.OCF_BASE_IMAGE = ARM64_IMAGE;
  try {
    const refused = await baseSource().then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(EnvironmentError);
    expect((refused as Error).message).toMatch(new RegExp(`^OCF_BASE_IMAGE=${ARM64_IMAGE} is not in the Docker engine for linux/amd64`));
  } finally {
    if (named === undefined) delete process.env.OCF_BASE_IMAGE;
    else process.env.OCF_BASE_IMAGE = named;
  }
});
