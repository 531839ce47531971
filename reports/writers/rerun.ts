import type { OpenClawTarget } from "../../harness/target/openclaw-target.ts";
import type { RunReport } from "./run-report.ts";

/** A word as a shell reads it back: quoted only when it has to be. */
const shellWord = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`);

/** What `--openclaw` takes to get this target again: the version from npm, or the same tarball or checkout. */
const given = (target: OpenClawTarget) => (target.kind === "npm" ? target.version : (target.checkout ?? target.tarball));

/**
 * The command that runs the run again exactly as it ran, or one of its results: the same
 * versions, tarballs or checkouts, the same --docs tree, and for a result its scenario and egress.
 */
export function rerunCommand(run: RunReport["run"], result?: { id: string; openclaw: string; egress?: string; severalEgresses?: boolean }): string {
  const versions = result ? run.versions.filter(({ target }) => target.version === result.openclaw) : run.versions;
  const docs = versions.find((version) => version.docs)?.docs?.dir;
  const words = [
    ["--openclaw", (versions.length ? versions : run.versions).map(({ target }) => given(target)).join(",")],
    ...(docs ? [["--docs", docs]] : []),
    ...(result ? [["--scenario", result.id]] : []),
    ...(result?.egress && result.severalEgresses ? [["--egress", result.egress]] : []),
  ];
  return `npm run conformance -- ${words.map(([flag, value]) => `${flag} ${shellWord(value!)}`).join(" ")}`;
}
