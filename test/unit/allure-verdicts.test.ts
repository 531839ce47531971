import { expect, test } from "vitest";
import { asVerdict } from "../../reports/writers/allure-verdicts.ts";

const result = (verdict: string, status: string) => ({ status, labels: [{ name: "verdict", value: verdict }], statusDetails: { message: "m", trace: "at harness/run/verdict.ts:20" } });

test("known drift is never green; drift keeps its message, not the harness's stack; a broken run keeps its stack", () => {
  expect(asVerdict(result("known drift", "passed"))).toMatchObject({ status: "unknown", statusDetails: { message: expect.stringMatching(/^known drift: the gate passes/) } });
  expect(asVerdict(result("new drift", "failed")).statusDetails).toEqual({ message: "m" });
  expect(asVerdict(result("broken", "broken")).statusDetails?.trace).toBe("at harness/run/verdict.ts:20");
  expect(asVerdict(result("conforms", "passed")).status).toBe("passed");
});
