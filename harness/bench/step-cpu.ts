// Where a run's CPU goes, step by step: the selection runs one scenario at a time while the
// machine's CPU time is sampled, and each step's share is read off its window. A step whose
// command waits (a probe budget, a retry loop, a grace) shows as few cores over a long wall; a
// busy one as about one core or more. Prints the figures; asserts nothing.
// Usage: npm run bench:cpu -- --scenario a,b [--openclaw V] [--egress E]
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { execa } from "execa";
import { dir } from "tmp-promise";
import { RunReport } from "../../reports/writers/run-report.ts";
import { DEFAULT_OPENCLAW_VERSIONS } from "../target/openclaw-version.ts";
import { projectRoot } from "../util/paths.ts";

const { values } = parseArgs({
  options: {
    scenario: { type: "string" },
    openclaw: { type: "string", default: DEFAULT_OPENCLAW_VERSIONS },
    egress: { type: "string" },
  },
});
if (!values.scenario) throw new Error("name the scenarios: --scenario a,b");

/** The machine's busy CPU time so far, in ms (every core's user, nice, system and irq time). */
const busyMs = () => cpus().reduce((sum, { times }) => sum + times.user + times.nice + times.sys + times.irq, 0);

// A sample every 250 ms: [when (ms since the epoch), busy ms so far].
const samples: [number, number][] = [];
const sampler = setInterval(() => samples.push([Date.now(), busyMs()]), 250);
samples.push([Date.now(), busyMs()]);
let sampling = true;
/** The last sample, once: the run's end bounds its last step. */
function stopSampling() {
  if (!sampling) return;
  sampling = false;
  clearInterval(sampler);
  samples.push([Date.now(), busyMs()]);
}

/** Busy CPU ms so far at an instant, read linearly between the samples around it. */
function busyAt(at: number): number {
  const after = samples.findIndex(([when]) => when >= at);
  if (after === -1) return samples.at(-1)![1];
  if (after === 0) return samples[0]![1];
  const [t0, b0] = samples[after - 1]!;
  const [t1, b1] = samples[after]!;
  return b0 + ((b1 - b0) * (at - t0)) / Math.max(1, t1 - t0);
}
const cpuSeconds = (from: number, to: number) => (busyAt(to) - busyAt(from)) / 1000;

const work = await dir({ prefix: "ocf-bench-cpu-", unsafeCleanup: true });
try {
  const args = ["harness/cli/main.ts", "run", "--scenario", values.scenario, "--openclaw", values.openclaw, ...(values.egress ? ["--egress", values.egress] : [])];
  // One scenario at a time: the machine's CPU in a step's window is then that step's.
  const run = await execa(process.execPath, args, { cwd: projectRoot, reject: false, env: { OCF_REPORTS_DIR: work.path, OCF_CONCURRENCY: "1" } });
  stopSampling();
  const report = RunReport.parse(JSON.parse(readFileSync(join(work.path, "run.json"), "utf8")));
  const cores = cpus().length;
  console.log(`run exit ${run.exitCode}; ${cores} cores; CPU is the whole machine's (harness, engine, SUT) in each window`);
  const idle: string[] = [];
  for (const scenario of report.scenarios) {
    const timed = scenario.steps.filter((step) => step.startedAt !== undefined);
    console.log(`\n${scenario.id} @${scenario.openclaw} [${scenario.egress ?? "open"}]: ${scenario.status}, ${(scenario.durationMs / 1000).toFixed(1)} s`);
    let inSteps = 0;
    for (const step of timed) {
      const cpu = cpuSeconds(step.startedAt!, step.startedAt! + step.durationMs);
      const wall = step.durationMs / 1000;
      inSteps += cpu;
      console.log(`  ${step.id.padEnd(32)} ${wall.toFixed(1).padStart(7)} s wall ${cpu.toFixed(1).padStart(7)} CPU-s ${(cpu / Math.max(wall, 0.001)).toFixed(2).padStart(5)} cores`);
      // A wait, not work: a long step that kept less than a third of a core busy.
      if (wall >= 20 && cpu / wall < 0.33) idle.push(`${scenario.id}@${scenario.openclaw} ${step.id}: ${wall.toFixed(0)} s at ${(cpu / wall).toFixed(2)} cores (${step.command})`);
    }
    const first = timed[0]?.startedAt;
    const last = timed.at(-1);
    if (first !== undefined && last) {
      const total = cpuSeconds(first, last.startedAt! + last.durationMs);
      console.log(`  ${"in its commands / between them".padEnd(32)} ${inSteps.toFixed(1).padStart(7)} CPU-s / ${(total - inSteps).toFixed(1)} CPU-s (stand-ins, observations)`);
    }
  }
  console.log(`\nwaits (≥ 20 s at under a third of a core): ${idle.length ? "" : "none"}`);
  for (const line of idle) console.log(`  ${line}`);
} finally {
  stopSampling();
  await work.cleanup();
}
