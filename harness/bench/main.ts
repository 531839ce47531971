// Speed figures for the pieces every scenario pays for. Prints a table; asserts nothing.
// Usage: npm run bench
import { dir } from "tmp-promise";
import { ensureDockerEngine } from "../provision/docker-engine.ts";
import { ensureNpmMirror } from "../provision/npm-mirror.ts";
import { DEFAULT_OPENCLAW_VERSION } from "../sut/openclaw-version.ts";
import { SutContainer } from "../sut/sut-container.ts";
import { ensureSutImage } from "../sut/sut-image.ts";
import { RUN_DIR_PREFIX } from "../sut/sweep.ts";
import { UpstreamWorld } from "../../mocks/upstream-world.ts";

const rows: [string, number][] = [];
async function measure<T>(label: string, work: () => Promise<T>, repeat = 1): Promise<T> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  rows.push([repeat > 1 ? `${label} (median of ${repeat})` : label, times[Math.floor(times.length / 2)]!]);
  return result!;
}

await measure("docker engine check", ensureDockerEngine);
const image = await measure("SUT image, warm (content tag hit)", () => ensureSutImage(process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSION));
const npmMirror = await measure("npm snapshot for the mock registry (cached)", ensureNpmMirror);
const socketDir = await dir({ prefix: `${RUN_DIR_PREFIX}${process.pid}-`, unsafeCleanup: true });
const world = await measure("upstream world start (CA, edge, resolver)", () => UpstreamWorld.start({ socketDir: socketDir.path, profile: "cloudflare-sensitive", npmMirror }));
const sut = await measure("SUT container start (relay ready)", () =>
  SutContainer.start({ image, socketDir: socketDir.path, caPem: world.ca.certPem, upstreams: world.upstreams, runId: `bench-${process.pid}` }),
);
try {
  await measure("exec `true` as the SUT user", () => sut.exec("true", { timeoutMs: 10_000 }), 5);
  await measure("exec `openclaw --version`", () => sut.exec("openclaw --version", { timeoutMs: 30_000 }), 3);
  await measure("node fetch chatgpt.com through the edge (403 gate)", () => sut.exec(`node -e 'fetch("https://chatgpt.com/").then(r=>r.status)'`, { timeoutMs: 10_000 }), 3);
  await measure("node fetch of an unserved host (NXDOMAIN)", () => sut.exec(`node -e 'fetch("https://example.org/").catch(()=>0)'`, { timeoutMs: 10_000 }), 3);
  await measure("literal address on 443 (reset, journaled)", () => sut.exec(`node -e 'require("net").connect(443,"93.184.215.14").on("error",()=>0)'`, { timeoutMs: 10_000 }), 3);
  await measure("npm install @openclaw/codex from the mock registry (130 MB codex binary)", () => sut.exec("cd $(mktemp -d) && npm install --no-audit --no-fund --omit=peer @openclaw/codex >/dev/null", { timeoutMs: 120_000 }));
  await measure("bare node start in the SUT (baseline for the node rows)", () => sut.exec(`node -e 0`, { timeoutMs: 10_000 }), 3);
} finally {
  await measure("SUT container stop and remove", () => sut.stop());
  await world.close();
  await socketDir.cleanup();
}
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, ms] of rows) console.log(`${label.padEnd(width)}  ${ms.toFixed(0).padStart(6)} ms`);
