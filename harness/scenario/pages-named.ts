import type { Scenario } from "./schema.ts";

/**
 * The doc pages a scenario names as written: its steps' locators (every version's, the other
 * blocks they repeat, the config examples they paste) and its claims' pages. What `list --page`
 * matches; the docs themselves are not read, so a page a locator reaches by following a moved
 * section is not among them.
 */
export function pagesNamedBy(scenario: Scenario): string[] {
  const pages = new Set<string>();
  for (const step of scenario.steps) {
    for (const form of [step, ...(step.versions ?? [])]) {
      if (form.docs) pages.add(form.docs.page);
      for (const other of form.alsoIn ?? []) pages.add(other.page);
      for (const file of form.files ?? []) pages.add(file.docs.page);
    }
  }
  for (const claim of scenario.claims) {
    pages.add(claim.page);
    for (const variant of claim.versions ?? []) if (variant.page) pages.add(variant.page);
  }
  return [...pages].sort();
}
