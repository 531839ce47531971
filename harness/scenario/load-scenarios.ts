import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { BadInputError } from "../util/errors.ts";
import { projectRoot } from "../util/paths.ts";
import { type Finding, loadYaml } from "./load-yaml.ts";
import { KnownDrift, REFERENCE_CLAIM_ID, ReferenceSuite, Scenario } from "./schema.ts";

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

/** The folder of reference suites, beside the scenarios. */
export const REFERENCE_DIR = "reference";

export interface LoadedReferenceSuite {
  suite: ReferenceSuite;
  file: string;
}

/** Every reference suite (scenarios/reference/*.yaml), validated. */
export function loadReferenceSuites(dir = scenariosDir): LoadedReferenceSuite[] {
  const folder = join(dir, REFERENCE_DIR);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ file: join(folder, name), suite: loadYaml(join(folder, name), ReferenceSuite) }));
}

/**
 * The known-drift entries, each checked against the scenarios: an entry that names a scenario
 * or claim that does not exist would never match, and so never fail, silently.
 */
export function loadKnownDrift(dir = scenariosDir, scenarios: LoadedScenario[] = loadScenarios(dir), suites: LoadedReferenceSuite[] = loadReferenceSuites(dir)): KnownDrift {
  const claimsOf = new Map(scenarios.map(({ scenario }) => [scenario.id, scenario.claims.map((claim) => claim.id)]));
  const generated = new Set(suites.map(({ suite }) => suite.id));
  return loadYaml(join(dir, KNOWN_DRIFT_FILE), KnownDrift, (entries) =>
    entries.flatMap((entry, index): Finding[] => {
      // A reference suite's claims are generated from the docs: only their form can be checked here.
      if (generated.has(entry.scenario)) return REFERENCE_CLAIM_ID.test(entry.claim) ? [] : [{ path: [index, "claim"], message: `"${entry.claim}" is no claim id of a reference suite (command-<words>, flag-<words>--<flag> or config-<key>)` }];
      const claims = claimsOf.get(entry.scenario);
      if (!claims) return [{ path: [index, "scenario"], message: `no scenario "${entry.scenario}" (scenarios: ${[...claimsOf.keys(), ...generated].join(", ")})` }];
      if (!claims.includes(entry.claim)) return [{ path: [index, "claim"], message: `scenario "${entry.scenario}" has no claim "${entry.claim}" (claims: ${claims.join(", ")})` }];
      return [];
    }),
  );
}
