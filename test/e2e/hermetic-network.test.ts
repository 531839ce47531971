import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { type Stage, startStage } from "../../harness/sut/stage.ts";
import type { SutContainer } from "../../harness/sut/sut-container.ts";
import { RUN_LABEL } from "../../harness/sut/owner.ts";
import type { UpstreamWorld } from "../../mocks/upstream-world.ts";
import { execa } from "execa";
import "../../harness/run/provided.ts";

// The real SUT image: proves the container reaches only what the edge serves, fails fast
// elsewhere, and that every attempt shows up in the journal.
const { image } = inject("sut");
let stage: Stage;
let world: UpstreamWorld;
let sut: SutContainer;
const runId = `hermetic-${process.pid}`;

beforeAll(async () => {
  stage = await startStage({ image, profile: "cloudflare-sensitive", runId });
  ({ world, sut } = stage);
});

afterAll(async () => {
  await stage?.close();
  // Whatever the SUT sent, nothing in the harness failed on it.
  expect(world?.journal.faults()).toEqual([]);
});

const nodeEval = (script: string) => sut.exec(`node -e '${script}'`, { timeoutMs: 20_000 });
// Node's own fetch honours HTTPS_PROXY when asked to, as OpenClaw's undici agent does.
const proxiedNodeEval = (script: string) => sut.exec(`node -e '${script}'`, { timeoutMs: 20_000, env: { ...world.proxyEnv(), NODE_USE_ENV_PROXY: "1" } });

/** Runs an attempt that must fail, printing what failed and its ms since `t`; checks it failed in well under a second. */
async function failsAtOnce(run: typeof nodeEval, attempt: string): Promise<string> {
  const [what, ms] = (await run(`const t=Date.now();${attempt}`)).stdout.trim().split(" ");
  expect(Number(ms)).toBeLessThan(1000);
  return what ?? "";
}
const onError = 'e=>console.log(e.code ?? e.cause?.code ?? "failed", Date.now()-t)';

describe("the SUT container is hermetic", () => {
  test("it has no interface but loopback and no route out", async () => {
    const links = await sut.inspect("ip -o link show | awk -F': ' '{print $2}'");
    expect(links.trim().split("\n")).toEqual(["lo"]);
    expect((await sut.inspect("ip route show")).trim()).toBe("");
  });

  test("an unknown host fails in well under a second, and the attempt is journaled", async () => {
    const mark = world.journal.mark;
    expect(await failsAtOnce(nodeEval, `fetch("https://example.org/").then(()=>console.log("reached"),${onError})`)).toBe("ENOTFOUND");
    expect(world.journal.since(mark).some((entry) => entry.kind === "dns" && entry.host === "example.org")).toBe(true);
  });

  test("a literal public address on a web port is reset at once, and the attempt is journaled", async () => {
    const mark = world.journal.mark;
    expect(await failsAtOnce(nodeEval, `require("net").connect(443,"93.184.215.14").on("error",${onError})`)).toBe("ECONNRESET");
    expect(world.journal.since(mark)).toContainEqual(expect.objectContaining({ kind: "connect", address: "93.184.215.14", note: "tcp 93.184.215.14:443 is not served; reset" }));
  });

  test("any other port is refused at once", async () => {
    expect(await failsAtOnce(nodeEval, `require("net").connect(25,"93.184.215.14").on("error",${onError})`)).toBe("ECONNREFUSED");
  });

  test("the served hosts answer through the edge, which sees the client's own TLS fingerprint", async () => {
    const mark = world.journal.mark;
    const result = await nodeEval('fetch("https://chatgpt.com/backend-api/codex/responses",{method:"POST"}).then(r=>console.log(r.status,r.headers.get("cf-mitigated")))');
    expect(result.stdout.trim()).toBe("403 challenge");
    const [entry] = world.journal.since(mark).filter((e) => e.kind === "http");
    expect(entry).toMatchObject({ host: "chatgpt.com", clientClass: "node", answeredBy: "cloudflare-gate", status: 403, address: "1.2.3.10" });
    expect(entry?.ja4).toMatch(/^t13d/);
  });

  test("behind the proxy, a served host is tunnelled to the edge, which still sees the client's own fingerprint", async () => {
    const mark = world.journal.mark;
    const result = await proxiedNodeEval('fetch("https://chatgpt.com/backend-api/codex/responses",{method:"POST"}).then(r=>console.log(r.status))');
    expect(result.stdout.trim()).toBe("403");
    const entries = world.journal.since(mark);
    expect(entries[0]).toMatchObject({ kind: "connect", host: "chatgpt.com", note: "proxy CONNECT chatgpt.com:443" });
    expect(entries[1]).toMatchObject({ kind: "http", host: "chatgpt.com", answeredBy: "cloudflare-gate", status: 403 });
    expect(entries[1]?.ja4).toMatch(/^t13d/);
  });

  test("behind the proxy, an unserved host is refused at once, and the attempt is journaled", async () => {
    const mark = world.journal.mark;
    expect(await failsAtOnce(proxiedNodeEval, `fetch("https://example.org/").then(()=>console.log("reached"),${onError})`)).not.toBe("reached");
    expect(world.journal.since(mark)).toContainEqual(expect.objectContaining({ kind: "connect", host: "example.org", note: "proxy CONNECT example.org:443 is not served; 502" }));
  });

  test("the SUT user is unprivileged and cannot reach the relay's sockets", async () => {
    const result = await sut.exec("id -u; ls /run/ocf 2>&1 | head -1", { timeoutMs: 10_000 });
    const [uid, listing] = result.stdout.trim().split("\n");
    expect(uid).toBe("1000");
    expect(listing).toMatch(/Permission denied/);
  });

  test("the container carries the harness label", async () => {
    const { stdout } = await execa("docker", ["ps", "--filter", `label=${RUN_LABEL}=${runId}`, "--format", "{{.ID}}"]);
    expect(stdout.trim()).toBe(sut.id.slice(0, 12));
  });
});
