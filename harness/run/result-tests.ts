import { beforeAll, inject, type TestContext } from "vitest";
import { CertificateAuthority } from "../../mocks/edge/certificate-authority.ts";
import { docLineUrl } from "../../reports/writers/doc-links.ts";
import { redactedResult } from "../../reports/writers/scenario-entry.ts";
import type { ProvisionedSut } from "../provision/provision.ts";
import { imageRef } from "../sut/image.ts";
import type { ScenarioResult } from "../scenario/records.ts";
import { recordInAllure } from "./allure-record.ts";
import type { VersionUnderTest } from "./provided.ts";
import { assertAsExpected } from "./verdict.ts";

/** One version under test, as a test module of the conformance project sees it. */
export interface VersionContext extends ProvisionedSut {
  /** The docs the claims are read from: a `--docs` tree from a checkout, or the package's own. */
  docsRoot: string;
  meta: VersionUnderTest;
}

/**
 * What every conformance test module needs: the versions under test, the run's id, and a CA of
 * its own (made once per module, before its tests).
 */
export function versionsUnderTest(): { versions: VersionContext[]; runId: string; ca: () => CertificateAuthority; egresses: <E extends string>(declared: readonly E[]) => E[] } {
  const selection = inject("selection");
  let ca: CertificateAuthority | undefined;
  beforeAll(async () => {
    ca = await CertificateAuthority.create();
  });
  const versions = inject("suts").map((sut, index) => ({
    ...sut,
    docsRoot: selection?.docsDir ?? sut.docsRoot,
    meta: {
      index, target: sut.image.target, image: imageRef(sut.image),
      ...(selection?.editedDocs?.[sut.image.openclawVersion] ? { docs: selection.editedDocs[sut.image.openclawVersion] } : {}),
    },
  }));
  const egresses = <E extends string>(declared: readonly E[]) => declared.filter((egress) => !selection?.egress || selection.egress.includes(egress));
  return { versions, runId: inject("runId"), ca: () => ca!, egresses };
}

/**
 * A result onto its test: for the reporters (redacted first: a shard's blob report keeps it as
 * is), into Allure, known drift as annotations (visible in JUnit, CI logs and the terminal though
 * the test passes), and the test's own verdict.
 */
export async function settle(context: TestContext, declared: { tags: string[]; description?: string; issues?: string[] }, result: ScenarioResult): Promise<void> {
  context.task.meta.conformance = redactedResult(result);
  const version = context.task.meta.version;
  await recordInAllure(declared, result, version ? docLineUrl(version.target, version.docs) : () => undefined);
  for (const claim of result.claims) if (claim.knownDrift) await context.annotate(`known drift: ${claim.id} (${claim.knownDrift.issue})`, "known-drift");
  assertAsExpected(result);
}
