// What sharding buys: one selection run on one machine, then as n shards one after another (as n
// CI jobs on machines like this one would each run theirs), then their merge. Prints the figures;
// asserts nothing (test/e2e/sharded-run.test.ts checks the merged report is the same).
// Usage: npm run bench:shards -- [--shards 2] [--scenario a,b,...] [--openclaw V]
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { execa } from "execa";
import { dir } from "tmp-promise";
import { DEFAULT_OPENCLAW_VERSIONS } from "../target/openclaw-version.ts";
import { projectRoot } from "../util/paths.ts";

const { values } = parseArgs({
  options: {
    shards: { type: "string", default: "2" },
    scenario: { type: "string", default: "wizard-locale,setup-workflow,openai-image-generation,openai-api-key-flag-onboard,onboard-follow-ups,models-auth-reference" },
    openclaw: { type: "string", default: DEFAULT_OPENCLAW_VERSIONS },
  },
});
const count = Number(values.shards);
const work = await dir({ prefix: "ocf-bench-shards-", unsafeCleanup: true });

async function timed(label: string, args: string[], reportsDir: string): Promise<number> {
  const started = performance.now();
  const result = await execa(process.execPath, ["harness/cli/main.ts", ...args], { cwd: projectRoot, reject: false, env: { OCF_REPORTS_DIR: reportsDir } });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(28)} ${seconds.toFixed(1).padStart(7)} s  (exit ${result.exitCode})`);
  return seconds;
}

try {
  const selection = ["--scenario", values.scenario, "--openclaw", values.openclaw];
  console.log(`${values.scenario} on ${values.openclaw}, ${count} shards (images warm)`);
  const single = await timed("one machine", ["run", ...selection], join(work.path, "single"));
  const shards: number[] = [];
  mkdirSync(join(work.path, "blobs"));
  for (let index = 1; index <= count; index++) {
    shards.push(await timed(`shard ${index}/${count}`, ["run", ...selection, "--shard", `${index}/${count}`], join(work.path, `shard-${index}`)));
    cpSync(join(work.path, `shard-${index}`, "blob"), join(work.path, "blobs"), { recursive: true });
  }
  const merge = await timed("merge", ["run", "--merge-reports", join(work.path, "blobs")], join(work.path, "merged"));
  const critical = Math.max(...shards) + merge;
  console.log(`${"sharded: slowest shard + merge".padEnd(28)} ${critical.toFixed(1).padStart(7)} s`);
  console.log(`${"speed-up".padEnd(28)} ${(single / critical).toFixed(2).padStart(7)} ×  (shards' balance: ${(Math.min(...shards) / Math.max(...shards)).toFixed(2)})`);
} finally {
  await work.cleanup();
}
