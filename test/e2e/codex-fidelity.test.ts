import semver from "semver";
import { describe, expect, inject, test } from "vitest";
import { startStage } from "../../harness/sut/stage.ts";
import "../../harness/run/provided.ts";
import { openaiService } from "../../mocks/openai/service.ts";
import { formatJournalEntry } from "../../mocks/edge/journal.ts";
import { readNpmSnapshot, versionsByName } from "../../mocks/npm-registry/snapshot.ts";

// The mock against the real client: the codex binary from the npm snapshot, signed in with a
// hand-made auth.json (ChatGPT mode), runs a turn against our chatgpt.com inside the SUT. If codex
// changes what it sends, the unanswered request is named here before any scenario misreads it.
const { image, npmMirror } = inject("sut");
const codexVersion = versionsByName(readNpmSnapshot().snapshot).get("@openai/codex")!.find((version) => !semver.prerelease(version))!;
const OPENCLAW_OAUTH_CLIENT = "app_EMoamEEZ73f0CkXaXp7hrann";

describe.each([
  ["open", "served"],
  ["cloudflare-sensitive", "served"],
  ["open", "refused"],
  ["cloudflare-sensitive", "refused"],
] as const)(`codex ${codexVersion} exec under the %s egress, WebSocket %s`, (profile, webSockets) => {
  test("completes a PONG turn, and every request it makes is answered", { timeout: 180_000 }, async () => {
    const stage = await startStage({ image, profile, npmMirror, webSockets, runId: `codex-fidelity-${process.pid}` });
    try {
      const { sut, world } = stage;
      const install = await sut.exec(`mkdir -p ~/cx && cd ~/cx && npm install --no-audit --no-fund @openai/codex@${codexVersion}`, { timeoutMs: 120_000 });
      expect(install.exitCode, install.stderr).toBe(0);
      const { account, tokens: issuer } = world.stateOf(openaiService);
      const tokens = await issuer.mint(OPENCLAW_OAUTH_CLIENT);
      const auth = {
        auth_mode: "chatgpt", OPENAI_API_KEY: null, last_refresh: new Date().toISOString(),
        tokens: { id_token: tokens.id_token, access_token: tokens.access_token, refresh_token: tokens.refresh_token, account_id: account.accountId },
      };
      await sut.exec(`mkdir -p ~/.codex && printf '%s' '${JSON.stringify(auth)}' > ~/.codex/auth.json`, { timeoutMs: 10_000 });
      const mark = world.journal.mark;
      const turn = await sut.exec('CODEX_HOME=~/.codex ~/cx/node_modules/.bin/codex exec --skip-git-repo-check "Reply PONG"', { timeoutMs: 120_000 });
      const journal = world.journal.since(mark);
      const lines = journal.map(formatJournalEntry);

      expect(turn.exitCode, `${turn.stdout}\n${turn.stderr}`).toBe(0);
      expect(turn.stdout.trim().split("\n").at(-1)).toBe("PONG");
      // Every request codex made to chatgpt.com was answered by a mock (a refused WebSocket aside).
      const unanswered = journal.filter((entry) => entry.host === "chatgpt.com" && entry.answeredBy === "unmatched" && !(webSockets === "refused" && entry.kind === "websocket"));
      expect(unanswered.map(formatJournalEntry), "requests our chatgpt.com no longer answers").toEqual([]);
      expect(journal.filter((entry) => entry.host === "chatgpt.com" && entry.clientClass !== "codex-cli").map(formatJournalEntry), "requests from a TLS client the edge does not know as codex").toEqual([]);
      // The turn went where it should: the Responses WebSocket, or its SSE fallback.
      const turnLine = webSockets === "served" ? /GET https:\/\/chatgpt\.com\/backend-api\/codex\/responses → 101 by chatgpt\.com \[codex-cli .*\] \(← response\.create → 8 events\)/ : /POST https:\/\/chatgpt\.com\/backend-api\/codex\/responses → 200 by chatgpt\.com \[codex-cli /;
      expect(lines.some((line) => turnLine.test(line)), lines.join("\n")).toBe(true);
      expect(world.journal.faults()).toEqual([]);
    } finally {
      await stage.close();
    }
  });
});
