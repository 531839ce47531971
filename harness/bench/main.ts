// Speed figures for the pieces every scenario pays for. Prints a table; asserts nothing.
// Usage: npm run bench
import { execa } from "execa";
import { ensureDockerEngine } from "../provision/docker-engine.ts";
import { ensureNpmMirror } from "../provision/npm-mirror.ts";
import { DEFAULT_OPENCLAW_VERSIONS } from "../target/openclaw-version.ts";
import { ensureSutImage } from "../provision/sut-image.ts";
import { resolveTargets } from "../target/openclaw-target.ts";
import { startStage } from "../sut/stage.ts";
import { projectRoot } from "../util/paths.ts";

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

// Before the engine starts: check is a docs pull request's first job and needs no engine.
await measure("check: locators, quotes and coverage on the default versions (CLI, no container)", () =>
  execa(process.execPath, ["harness/cli/main.ts", "check", "--openclaw", DEFAULT_OPENCLAW_VERSIONS], { reject: false, cwd: projectRoot }),
);
await measure("docker engine check", ensureDockerEngine);
const [target] = await resolveTargets(process.env.OCF_OPENCLAW_VERSION ?? DEFAULT_OPENCLAW_VERSIONS);
const image = await measure("SUT image, warm (content tag hit)", () => ensureSutImage(target!));
const npmMirror = await measure("npm snapshot for the mock registry (cached)", ensureNpmMirror);
const stage = await measure("stage: upstream world (CA, edge, resolver) and SUT container (relay ready)", () =>
  startStage({ image, profile: "cloudflare-sensitive", npmMirror, runId: `bench-${process.pid}` }),
);
const { sut } = stage;
try {
  await measure("exec `true` as the SUT user", () => sut.exec("true", { timeoutMs: 10_000 }), 5);
  await measure("exec `openclaw --version`", () => sut.exec("openclaw --version", { timeoutMs: 30_000 }), 3);
  await measure("node fetch chatgpt.com through the edge (403 gate)", () => sut.exec(`node -e 'fetch("https://chatgpt.com/").then(r=>r.status)'`, { timeoutMs: 10_000 }), 3);
  await measure("node fetch of an unserved host (NXDOMAIN)", () => sut.exec(`node -e 'fetch("https://example.org/").catch(()=>0)'`, { timeoutMs: 10_000 }), 3);
  await measure("literal address on 443 (reset, journaled)", () => sut.exec(`node -e 'require("net").connect(443,"93.184.215.14").on("error",()=>0)'`, { timeoutMs: 10_000 }), 3);
  await measure("npm install @openclaw/codex from the mock registry (130 MB codex binary)", () => sut.exec("cd $(mktemp -d) && npm install --no-audit --no-fund --omit=peer @openclaw/codex >/dev/null", { timeoutMs: 120_000 }));
  await measure("bare node start in the SUT (baseline for the node rows)", () => sut.exec(`node -e 0`, { timeoutMs: 10_000 }), 3);
} finally {
  await measure("stage close (container removed, world stopped)", () => stage.close());
}
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, ms] of rows) console.log(`${label.padEnd(width)}  ${ms.toFixed(0).padStart(6)} ms`);
