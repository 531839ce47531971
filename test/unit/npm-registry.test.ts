import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { getResponse } from "msw";
import { dir, type DirectoryResult } from "tmp-promise";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { npmRegistryHandlers } from "../../mocks/npm-registry/handlers.ts";
import {
  closureDir, completeMarker, type NpmMirror, NpmSnapshot, type Packument, packumentFile, parseRegistryPath, readNpmSnapshot, tarballFile, trimPackument, versionsByName,
} from "../../mocks/npm-registry/snapshot.ts";
import { installClosure, PackageLock } from "../../harness/provision/install-closure.ts";

const manifest = (name: string, version: string) => ({
  name, version, dist: { tarball: `https://registry.npmjs.org/${name}/-/${name.split("/").at(-1)}-${version}.tgz`, integrity: "sha512-x" },
});
const codexPackument: Packument = {
  name: "@openai/codex",
  "dist-tags": { latest: "0.155.0", alpha: "0.156.0-alpha.1" },
  versions: Object.fromEntries(["0.153.4", "0.154.0", "0.154.0-linux-x64", "0.154.0-darwin-x64", "0.155.0"].map((v) => [v, manifest("@openai/codex", v)])),
  time: { created: "2025-01-01", modified: "2026-11-20", "0.154.0": "2026-11-01", "0.155.0": "2026-11-20" },
};

describe("the npm snapshot", () => {
  test("the pinned file parses, and its key follows its content", () => {
    const { snapshot, key } = readNpmSnapshot();
    expect(snapshot.packages).toContain("@openclaw/codex@2026.9.5");
    expect(key).toMatch(/^[0-9a-f]{16}$/);
  });

  test("a pin without a version is refused", () => {
    expect(NpmSnapshot.safeParse({ takenOn: "2026-11-23", packages: ["@openclaw/codex"] }).success).toBe(false);
  });

  test("scoped names keep their scope when grouped", () => {
    const byName = versionsByName({ takenOn: "2026-11-23", packages: ["@openai/codex@0.154.0", "@openai/codex@0.154.0-linux-x64", "ws@8.21.3"] });
    expect([...byName]).toEqual([["@openai/codex", ["0.154.0", "0.154.0-linux-x64"]], ["ws", ["8.21.3"]]]);
  });

  test("a packument keeps only the pinned versions, and latest is the highest release among them", () => {
    const trimmed = trimPackument(codexPackument, ["0.154.0", "0.154.0-linux-x64"]);
    expect(Object.keys(trimmed.versions)).toEqual(["0.154.0", "0.154.0-linux-x64"]);
    expect(trimmed["dist-tags"]).toEqual({ latest: "0.154.0" });
    expect(Object.keys(trimmed.time ?? {})).toEqual(["created", "modified", "0.154.0"]);
  });

  test("pinning a version npm never had says which", () => {
    expect(() => trimPackument(codexPackument, ["0.154.0", "9.9.9"])).toThrow("npm has no @openai/codex@9.9.9");
  });

  test.each([
    ["/@openclaw%2fcodex", "@openclaw/codex", []],
    ["/@openai/codex/-/codex-0.154.0-linux-x64.tgz", "@openai/codex", ["-", "codex-0.154.0-linux-x64.tgz"]],
    ["/openclaw/latest", "openclaw", ["latest"]],
  ])("%s names %s", (path, name, rest) => expect(parseRegistryPath(path)).toEqual({ name, rest }));

  test("registry endpoints that name no package are not packages", () => {
    expect(parseRegistryPath("/-/npm/v1/security/advisories/bulk")).toBeUndefined();
  });
});

describe("the mock registry", () => {
  let cache: DirectoryResult;
  let mirror: NpmMirror;
  const ask = (handlers: ReturnType<typeof npmRegistryHandlers>, path: string, method = "GET") =>
    getResponse(handlers, new Request(`https://registry.npmjs.org${path}`, { method }));

  beforeAll(async () => {
    cache = await dir({ unsafeCleanup: true });
    mirror = { root: cache.path, key: "test", takenOn: "2026-11-23" };
    const file = packumentFile(mirror, "@openai/codex");
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(trimPackument(codexPackument, ["0.154.0"])));
    await writeFile(completeMarker(mirror), "");
    const tarball = tarballFile(mirror, "@openai/codex", "codex-0.154.0.tgz");
    await mkdir(dirname(tarball), { recursive: true });
    await writeFile(tarball, "tarball bytes");
  });
  afterAll(() => cache.cleanup());

  test("serves a pinned packument, with npm's encoded scope", async () => {
    const response = await ask(npmRegistryHandlers(mirror), "/@openai%2fcodex");
    expect(response?.status).toBe(200);
    expect(Object.keys(((await response!.json()) as Packument).versions)).toEqual(["0.154.0"]);
  });

  test("serves a pinned tarball byte for byte", async () => {
    const response = await ask(npmRegistryHandlers(mirror), "/@openai/codex/-/codex-0.154.0.tgz");
    expect(await response?.text()).toBe("tarball bytes");
    expect(response?.headers.get("content-length")).toBe("13");
  });

  test("serves one manifest by tag", async () => {
    const response = await ask(npmRegistryHandlers(mirror), "/@openai/codex/latest");
    expect(await response?.json()).toMatchObject({ version: "0.154.0" });
  });

  test.each([
    ["/left-pad", "GET", "not in the conformance snapshot"],
    ["/@openai/codex/-/codex-0.155.0.tgz", "GET", "tarball not in the conformance snapshot"],
    ["/@openai/codex/0.155.0", "GET", "no such version in the conformance snapshot"],
    ["/-/npm/v1/security/advisories/bulk", "POST", "the conformance registry only reads"],
  ])("%s %s is 404: %s", async (path, method, why) => {
    const response = await ask(npmRegistryHandlers(mirror), path, method);
    expect(response?.status).toBe(404);
    expect(await response?.json()).toMatchObject({ why });
  });

  test("with an install closure, a name in both sets serves the versions of both, latest the highest", async () => {
    const withClosure = { ...mirror, closure: "lock" };
    await mkdir(closureDir(mirror.root, "lock"), { recursive: true });
    await writeFile(join(closureDir(mirror.root, "lock"), `${encodeURIComponent("@openai/codex")}.json`), JSON.stringify(trimPackument(codexPackument, ["0.155.0"])));
    const response = await ask(npmRegistryHandlers(withClosure), "/@openai%2fcodex");
    const served = (await response!.json()) as Packument;
    expect(Object.keys(served.versions).sort()).toEqual(["0.154.0", "0.155.0"]);
    expect(served["dist-tags"]).toEqual({ latest: "0.155.0" });
    // The snapshot alone still serves only its own.
    expect(Object.keys(((await (await ask(npmRegistryHandlers(mirror), "/@openai%2fcodex"))!.json()) as Packument).versions)).toEqual(["0.154.0"]);
  });

  test("without a mirror the registry is empty", async () => {
    const response = await ask(npmRegistryHandlers(), "/@openai%2fcodex");
    expect(await response?.json()).toMatchObject({ why: "this registry serves nothing" });
  });
});

describe("an install closure read from a lockfile", () => {
  const entry = (version: string, extra: object = {}) => ({ version, integrity: `sha512-${version}`, ...extra });
  const lock = PackageLock.parse({
    lockfileVersion: 3,
    packages: {
      "": { dependencies: { openclaw: "1.0.0", npm: "11.0.0" } },
      "node_modules/openclaw": entry("1.0.0", { dependencies: { ws: "^8", bundled: "1" }, optionalDependencies: { "@img/sharp-linux-x64": "1", "@img/sharp-darwin-arm64": "1", "@img/sharp-linuxmusl-x64": "1" } }),
      "node_modules/openclaw/node_modules/ws": entry("8.1.0"),
      "node_modules/ws": entry("7.5.0"),
      "node_modules/openclaw/node_modules/bundled": entry("1.0.0", { inBundle: true }),
      "node_modules/@img/sharp-linux-x64": entry("1.0.0", { os: ["linux"], cpu: ["x64"], libc: ["glibc"] }),
      "node_modules/@img/sharp-darwin-arm64": entry("1.0.0", { os: ["darwin"], cpu: ["arm64"] }),
      "node_modules/@img/sharp-linuxmusl-x64": entry("1.0.0", { os: ["linux"], cpu: ["x64"], libc: ["musl"] }),
      "node_modules/npm": entry("11.0.0", { os: "linux" }),
    },
  });

  test("holds what npm fetched for the root: nearest resolution, no bundled packages, no other platforms, nothing beside the root", () => {
    expect(installClosure(lock, "openclaw").map(({ name, version }) => `${name}@${version}`)).toEqual(["@img/sharp-linux-x64@1.0.0", "openclaw@1.0.0", "ws@8.1.0"]);
  });

  test("a root the lockfile lacks says so", () => {
    expect(() => installClosure(lock, "clawdbot")).toThrow("the lockfile has no node_modules/clawdbot");
  });
});
