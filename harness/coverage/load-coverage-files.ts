import { join } from "node:path";
import semver from "semver";
import { loadYaml } from "../scenario/load-yaml.ts";
import { scenariosDir } from "../scenario/load-scenarios.ts";
import { pagesMatching } from "./doc-blocks.ts";
import { Exclusions, PageSet, PromiseExclusions } from "./schema.ts";

/** The reviewed data coverage reads: the onboarding page set and the exclusions. */
export const coverageDir = (dir = scenariosDir) => join(dir, "coverage");

export function loadPageSet(dir = coverageDir()): PageSet {
  return loadYaml(join(dir, "pages.yaml"), PageSet);
}

export function loadExclusions(dir = coverageDir()): Exclusions {
  return loadYaml(join(dir, "exclusions.yaml"), Exclusions);
}

export function loadPromiseExclusions(dir = coverageDir()): PromiseExclusions {
  return loadYaml(join(dir, "promise-exclusions.yaml"), PromiseExclusions);
}

/** The pages of the page set that a version's docs tree holds, sorted. */
export const pageSetPages = (docsRoot: string, version: string, pageSet: PageSet = loadPageSet()): string[] => pagesMatching(docsRoot, pageGlobsFor(pageSet, version));

/** The page globs that hold for a version: every entry whose range covers it. */
export const pageGlobsFor = (pageSet: PageSet, version: string): string[] =>
  pageSet.filter((entry) => semver.satisfies(version, entry.openclaw, { includePrerelease: true })).flatMap((entry) => entry.pages);
