import { readdirSync } from "node:fs";
import { join } from "node:path";
import { BadInputError } from "../util/errors.ts";
import { projectRoot } from "../util/paths.ts";
import { type Finding, loadYaml } from "./load-yaml.ts";
import { KnownDrift, Scenario } from "./schema.ts";

export const scenariosDir = process.env.OCF_SCENARIOS_DIR ?? join(projectRoot, "scenarios");
export const KNOWN_DRIFT_FILE = "known-drift.yaml";

/** The known-drift file of a scenarios folder. */
export const knownDriftFile = (dir = scenariosDir) => join(dir, KNOWN_DRIFT_FILE);

export interface LoadedScenario {
  scenario: Scenario;
  file: string;
}

/** Every scenario file in the folder, validated; duplicate ids are an error. */
export function loadScenarios(dir = scenariosDir): LoadedScenario[] {
  const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name) && name !== KNOWN_DRIFT_FILE).sort();
  const loaded = files.map((name) => ({ file: join(dir, name), scenario: loadYaml(join(dir, name), Scenario) }));
  const seen = new Map<string, string>();
  for (const { scenario, file } of loaded) {
    const other = seen.get(scenario.id);
    if (other) throw new BadInputError(`${file}: scenario id "${scenario.id}" is also used by ${other}`);
    seen.set(scenario.id, file);
  }
  return loaded;
}

/**
 * The known-drift entries, each checked against the scenarios: an entry that names a scenario
 * or claim that does not exist would never match, and so never fail, silently.
 */
export function loadKnownDrift(dir = scenariosDir, scenarios: LoadedScenario[] = loadScenarios(dir)): KnownDrift {
  const claimsOf = new Map(scenarios.map(({ scenario }) => [scenario.id, scenario.claims.map((claim) => claim.id)]));
  return loadYaml(join(dir, KNOWN_DRIFT_FILE), KnownDrift, (entries) =>
    entries.flatMap((entry, index): Finding[] => {
      const claims = claimsOf.get(entry.scenario);
      if (!claims) return [{ path: [index, "scenario"], message: `no scenario "${entry.scenario}" (scenarios: ${[...claimsOf.keys()].join(", ")})` }];
      if (!claims.includes(entry.claim)) return [{ path: [index, "claim"], message: `scenario "${entry.scenario}" has no claim "${entry.claim}" (claims: ${claims.join(", ")})` }];
      return [];
    }),
  );
}
