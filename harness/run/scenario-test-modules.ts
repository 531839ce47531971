import { basename, dirname, resolve } from "node:path";
import type { Plugin } from "vitest/config";
import { KNOWN_DRIFT_FILE, REFERENCE_DIR } from "../scenario/load-scenarios.ts";

const CONFORMANCE_TESTS = resolve(import.meta.dirname, "conformance-tests.ts");
const REFERENCE_TESTS = resolve(import.meta.dirname, "reference-tests.ts");

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
      if (!/\.ya?ml$/.test(file)) return undefined;
      // A reference suite (scenarios/reference/*.yaml) generates its claims from the docs.
      if (dirname(file) === resolve(dir, REFERENCE_DIR)) return { code: `import { referenceTests } from ${JSON.stringify(REFERENCE_TESTS)};\nreferenceTests(${JSON.stringify(file)});\n`, map: null };
      if (dirname(file) !== dir || basename(file) === KNOWN_DRIFT_FILE) return undefined;
      return { code: `import { conformanceTests } from ${JSON.stringify(CONFORMANCE_TESTS)};\nconformanceTests(${JSON.stringify(file)});\n`, map: null };
    },
  };
}
