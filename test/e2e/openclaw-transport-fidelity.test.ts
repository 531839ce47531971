import { describe, expect, inject, test } from "vitest";
import { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { formatJournalEntry } from "../../mocks/edge/journal.ts";
import { parseJson, valueAt } from "../../harness/scenario/json-value.ts";
import { findKnownDrift } from "../../harness/scenario/known-drift.ts";
import { loadKnownDrift, loadScenarios } from "../../harness/scenario/load-scenarios.ts";
import { runScenario } from "../../harness/scenario/run-scenario.ts";
import "../../harness/run/provided.ts";
import semver from "semver";

// The mock against OpenClaw's own model transport (PI, later "openclaw"), on every version under
// test: 2026.9 opens the Responses WebSocket first, so with the WebSocket refused the turn must
// complete over its SSE fallback, and every request it makes must be answered. The route is the
// scenario tagged "fidelity" that completes a turn on that version (no known drift under open).
const suts = inject("suts");
const knownDrift = loadKnownDrift();
const routeFor = (version: string) =>
  loadScenarios()
    .map(({ scenario }) => scenario)
    .find(
      (scenario) =>
        scenario.tags.includes("fidelity") &&
        semver.satisfies(version, scenario.openclaw) &&
        scenario.claims.every((claim) => !findKnownDrift(knownDrift, scenario.id, claim.id, version, "open")),
    );

describe.each(suts.map((sut) => [sut.image.openclawVersion, sut] as const))("openclaw %s's own transport", (version, sut) => {
  test("completes a PONG turn over SSE when the WebSocket is refused, and every request it makes is answered", { timeout: 420_000 }, async () => {
    const route = routeFor(version);
    expect(route, `no scenario tagged "fidelity" completes a turn on ${version}`).toBeDefined();
    const ca = await CertificateAuthority.create();
    const result = await runScenario(route!, "open", { image: sut.image, nodeOnlyImage: sut.nodeOnlyImage, docsRoot: sut.docsRoot, npmMirror: sut.npmMirror, knownDrift, ca, runId: `transport-fidelity-${process.pid}`, webSockets: "refused" });
    const turn = result.steps.find((step) => step.id === "turn");
    expect(turn, result.message).toBeDefined();
    const lines = turn!.journal.map(formatJournalEntry);
    const json = parseJson(turn!.result.stdout);
    const reply = valueAt(json, "result.payloads.0.text") ?? valueAt(json, "payloads.0.text");
    expect(reply, `${turn!.result.stdout.slice(-1500)}\n${turn!.result.stderr.slice(-1500)}\n${lines.join("\n")}`).toBe("PONG");
    const unanswered = turn!.journal.filter((entry) => entry.host === "chatgpt.com" && entry.answeredBy === "unmatched" && entry.kind !== "websocket");
    expect(unanswered.map(formatJournalEntry), "requests our chatgpt.com no longer answers").toEqual([]);
    const sse = /POST https:\/\/chatgpt\.com\/backend-api\/codex\/responses → 200 by chatgpt\.com \[node /;
    expect(lines.some((line) => sse.test(line)), lines.join("\n")).toBe(true);
  });
});
