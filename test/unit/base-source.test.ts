import { describe, expect, it } from "vitest";
import { type BaseProbes, chooseBase, DEFAULT_BASE_IMAGE } from "../../harness/provision/base-source.ts";
import { debootstrapImageTag } from "../../harness/provision/debootstrap-image.ts";
import { EnvironmentError } from "../../harness/util/errors.ts";

/** An engine that has `images`, whose registry serves `pullable` (or refuses), and records what was asked. */
function engine(images: Record<string, string>, pullable: Record<string, string> = {}, bootstrapped?: string) {
  const asked: string[] = [];
  const probes: BaseProbes = {
    localId: async (ref) => images[ref],
    bootstrapped: async () => bootstrapped,
    pull: async (ref) => (asked.push(`pull ${ref}`), pullable[ref] ? { id: pullable[ref] } : { refusal: "lookup registry-1.docker.io: no such host" }),
    bootstrap: async () => (asked.push("debootstrap"), "sha256:boot"),
  };
  return { probes, asked };
}

describe("the base image a run builds on", () => {
  it("takes OCF_BASE_IMAGE from the engine without pulling or bootstrapping, as any user", async () => {
    const { probes, asked } = engine({ "mine/bookworm:1": "sha256:mine" });
    expect(await chooseBase("mine/bookworm:1", false, probes)).toEqual({ from: "engine", ref: "mine/bookworm:1", id: "sha256:mine" });
    expect(asked).toEqual([]);
  });

  it("pulls OCF_BASE_IMAGE when the engine lacks it, and refuses it by name when no registry has it (never falls back)", async () => {
    expect(await chooseBase("debian:bookworm", false, engine({}, { "debian:bookworm": "sha256:d" }).probes)).toEqual({ from: "registry", ref: "debian:bookworm", id: "sha256:d" });
    const { probes, asked } = engine({});
    await expect(chooseBase("debian:bookworm", true, probes)).rejects.toThrow(new EnvironmentError("OCF_BASE_IMAGE=debian:bookworm is not in the Docker engine for linux/amd64 (our images' platform) and could not be pulled: lookup registry-1.docker.io: no such host"));
    expect(asked).toEqual(["pull debian:bookworm"]);
  });

  it("uses the pinned official image where a registry answers", async () => {
    const { probes, asked } = engine({}, { [DEFAULT_BASE_IMAGE]: "sha256:official" });
    expect(await chooseBase(undefined, false, probes)).toEqual({ from: "registry", ref: DEFAULT_BASE_IMAGE, id: "sha256:official" });
    expect(DEFAULT_BASE_IMAGE).toMatch(/^debian:bookworm-slim@sha256:[0-9a-f]{64}$/);
    expect(asked).toEqual([`pull ${DEFAULT_BASE_IMAGE}`]);
  });

  it("bootstraps as root where no registry answers, and reuses that bootstrap without asking a registry again", async () => {
    const fresh = engine({});
    expect(await chooseBase(undefined, true, fresh.probes)).toEqual({ from: "debootstrap", ref: debootstrapImageTag, id: "sha256:boot" });
    expect(fresh.asked).toEqual([`pull ${DEFAULT_BASE_IMAGE}`, "debootstrap"]);
    const again = engine({}, {}, "sha256:boot");
    expect(await chooseBase(undefined, false, again.probes)).toEqual({ from: "debootstrap", ref: debootstrapImageTag, id: "sha256:boot" });
    expect(again.asked).toEqual([]);
  });

  it("tells a user who is not root what to set, where it would need debootstrap", async () => {
    const { probes, asked } = engine({});
    await expect(chooseBase(undefined, false, probes)).rejects.toThrow(/no base image: .* could not be pulled \(lookup registry-1.docker.io: no such host\), and bootstrapping one with debootstrap needs root; set OCF_BASE_IMAGE/);
    expect(asked).not.toContain("debootstrap");
  });
});
