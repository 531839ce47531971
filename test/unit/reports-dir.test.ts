import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { ALLURE_HISTORY_FILE, prepareReportsDir } from "../../harness/cli/reports-dir.ts";

const root = mkdtempSync(join(tmpdir(), "ocf-reports-dir-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test("a new run empties its reports folder but keeps Allure's history, so trends span runs", async () => {
  const dir = join(root, "reports");
  await prepareReportsDir(dir);
  writeFileSync(join(dir, "run.json"), "{}");
  writeFileSync(join(dir, ALLURE_HISTORY_FILE), '{"run":1}\n');
  await prepareReportsDir(dir);
  expect(existsSync(join(dir, "run.json"))).toBe(false);
  expect(readFileSync(join(dir, ALLURE_HISTORY_FILE), "utf8")).toBe('{"run":1}\n');
});
