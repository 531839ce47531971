import { expect, test } from "vitest";
import { asVerdict } from "../../reports/writers/allure-verdicts.ts";
import { docLineUrl } from "../../reports/writers/doc-links.ts";

const result = (verdict: string, status: string) => ({ status, labels: [{ name: "verdict", value: verdict }], statusDetails: { message: "m", trace: "at harness/run/verdict.ts:20" } });

test("known drift is never green; drift keeps its message, not the harness's stack; a broken run keeps its stack", () => {
  expect(asVerdict(result("known drift", "passed"))).toMatchObject({ status: "unknown", statusDetails: { message: expect.stringMatching(/^known drift: the gate passes/) } });
  expect(asVerdict(result("new drift", "failed")).statusDetails).toEqual({ message: "m" });
  expect(asVerdict(result("broken", "broken")).statusDetails?.trace).toBe("at harness/run/verdict.ts:20");
  expect(asVerdict(result("conforms", "passed")).status).toBe("passed");
});

test("a doc line opens where the reader can read it: the release's tag, an edited tree's file; a tarball's nowhere", () => {
  const at = "docs/providers/openai.md:301";
  expect(docLineUrl({ kind: "npm", version: "2026.5.12" })(at)).toBe("https://github.com/openclaw/openclaw/blob/v2026.5.12/docs/providers/openai.md#L301");
  expect(docLineUrl({ kind: "npm", version: "2026.9.6" }, { dir: "/pr/docs", changed: [], added: [], removed: [] })(at)).toBe("file:///pr/docs/providers/openai.md");
  expect(docLineUrl({ kind: "tarball", version: "2026.9.7", tarball: "/t.tgz", sha256: "a" })(at)).toBeUndefined();
  expect(docLineUrl({ kind: "npm", version: "2026.5.12" })("the scenario")).toBeUndefined();
});

test("a harness failure in a scenario that conformed keeps its stack trace: only drift drops it", () => {
  expect(asVerdict(result("conforms", "failed")).statusDetails?.trace).toBe("at harness/run/verdict.ts:20");
});
