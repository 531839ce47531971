import { basename, dirname, resolve } from "node:path";
import type { Plugin } from "vitest/config";
import { KNOWN_DRIFT_FILE } from "../scenario/load-scenarios.ts";

const CONFORMANCE_TESTS = resolve(import.meta.dirname, "conformance-tests.ts");

/**
 * Makes each scenario file (scenarios/*.yaml) a vitest test module of its own: importing it runs
 * conformanceTests on it. So vitest sees one test file per scenario, and its --shard splits the
 * scenarios over machines, its workers run them in parallel, and a file filter selects them.
 */
export function scenarioTestModules(scenariosDir: string): Plugin {
  const dir = resolve(scenariosDir);
  return {
    name: "openclaw-conformance:scenario-test-modules",
    enforce: "pre",
    transform(_code, id) {
      const file = id.split("?")[0]!;
      if (dirname(file) !== dir || !/\.ya?ml$/.test(file) || basename(file) === KNOWN_DRIFT_FILE) return undefined;
      return { code: `import { conformanceTests } from ${JSON.stringify(CONFORMANCE_TESTS)};\nconformanceTests(${JSON.stringify(file)});\n`, map: null };
    },
  };
}
