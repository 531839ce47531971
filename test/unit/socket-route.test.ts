import { describe, expect, it } from "vitest";
import { withAbsolutePaths } from "../../harness/cli/in-container.ts";
import { SOCKET_VOLUME_ENV, SOCKET_VOLUME_PATH, socketMount } from "../../harness/sut/socket-mount.ts";
import { HarnessError } from "../../harness/util/errors.ts";

describe("how an SUT reaches the world's sockets", () => {
  it("binds the host's socket folder on a native engine", () => {
    expect(socketMount("/tmp/ocf-run-1-abc", {})).toEqual({ source: "/tmp/ocf-run-1-abc", target: "/run/ocf", dirInside: "/run/ocf" });
  });

  it("mounts the harness container's volume at the same path where the harness runs in a container, so no host folder is shared", () => {
    const dir = `${SOCKET_VOLUME_PATH}/ocf-run-7-xyz`;
    expect(socketMount(dir, { [SOCKET_VOLUME_ENV]: "ocf-sockets-1a2b" })).toEqual({ source: "ocf-sockets-1a2b", target: SOCKET_VOLUME_PATH, dirInside: dir });
  });

  it("refuses a socket folder off the volume (a TMPDIR the container did not set): the SUT could not see it", () => {
    expect(() => socketMount("/tmp/ocf-run-7-xyz", { [SOCKET_VOLUME_ENV]: "v" })).toThrow(HarnessError);
  });
});

describe("the command the harness's own container runs", () => {
  it("makes every path it names absolute (the container runs from another folder), in any form the CLI takes", () => {
    const cwd = process.cwd();
    const args = ["run", "--docs", "../docs", "--openclaw=./openclaw.tgz,latest", "--scenario", "a,b"];
    expect(withAbsolutePaths(args, ["../docs", "./openclaw.tgz"])).toEqual([
      "run", "--docs", `${cwd.split("/").slice(0, -1).join("/")}/docs`, `--openclaw=${cwd}/openclaw.tgz,latest`, "--scenario", "a,b",
    ]);
  });
});
