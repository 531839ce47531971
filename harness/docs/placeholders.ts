import { DocDriftError } from "./doc-drift.ts";

/** Variables every shell in the container already has; a doc command may use them freely. */
const shellProvided = new Set(["HOME", "PATH", "USER", "PWD", "SHELL"]);

/**
 * `<id>`, `<profileId>`: the docs ask the reader to type something of their own. A usage
 * synopsis's `<profileIds...>` takes one or more values: it is filled by its name (`profileIds`).
 */
const angle = /<([A-Za-z][\w-]*)(?:\.\.\.)?>/g;
/**
 * `"..."`, `KEY=...`: an elided value the reader types (their key, say), filled as `fill: { "...": … }`.
 * Only a whole value counts: an ellipsis in prose or after other text is left alone.
 */
const ellipsis = /(?<=["'=])\.\.\.(?=["'\s]|$)/gm;
export const ELLIPSIS = "...";
/**
 * `"your-token"`, `"your-provider-key"`, `/path/to/reference.png`: a sample value the reader may
 * keep or replace with their own. Filled only when the scenario says so (`fill: { your-provider-key: … }`,
 * `fill: { /path/to/reference.png: … }`); kept otherwise.
 */
const sample = /(?<=["'])your-[a-z0-9-]+(?=["'])|(?:\/absolute)?\/path\/to\/[\w.-]+(?:\/[\w.-]+)*/g;
/** `$OPENAI_API_KEY`, `${OPENAI_API_KEY}`: the docs expect a variable in the reader's shell. */
const variable = /\$\{?([A-Z_][A-Z0-9_]*)\}?/g;

export interface Placeholders {
  /** Names of `<name>` placeholders, in order of appearance, and "..." for an elided value. */
  angle: string[];
  /** Environment variables the command reads. */
  variables: string[];
}

export function findPlaceholders(command: string): Placeholders {
  return {
    angle: [...new Set([...[...command.matchAll(angle)].map((match) => match[1]!), ...(command.search(ellipsis) >= 0 ? [ELLIPSIS] : [])])],
    variables: [...new Set([...command.matchAll(variable)].map((match) => match[1]!))].filter((name) => !shellProvided.has(name)),
  };
}

/**
 * Fills a doc command's placeholders from values the scenario declares: `<name>` is replaced by
 * `fill.name`, and `$NAME` must be declared in the step's `env` (the command keeps its text and
 * the shell expands it, as in the reader's terminal). Nothing is filled silently: an undeclared
 * placeholder, or a declared one the command no longer has, is doc drift.
 */
export function fillPlaceholders(command: string, where: string, fill: Record<string, string>, env: Record<string, string>): string {
  const found = findPlaceholders(command);
  const unfilled = [
    ...found.angle.filter((name) => !(name in fill)).map((name) => (name === ELLIPSIS ? `an elided value "..." (declare it under fill: as "...")` : `<${name}> (declare it under fill:)`)),
    ...found.variables.filter((name) => !(name in env)).map((name) => `$${name} (declare it under env:)`),
  ];
  if (unfilled.length) throw new DocDriftError(`the command at ${where} has placeholders the scenario does not fill: ${unfilled.join(", ")}`, [command]);
  const samples = new Set(command.match(sample) ?? []);
  const stale = Object.keys(fill).filter((name) => !found.angle.includes(name) && !samples.has(name));
  if (stale.length) throw new DocDriftError(`the command at ${where} no longer has ${stale.map((name) => `<${name}>`).join(", ")}`, [command]);
  const filled = command.replace(angle, (_, name: string) => fill[name]!).replace(sample, (value) => fill[value] ?? value);
  return ELLIPSIS in fill ? filled.replace(ellipsis, fill[ELLIPSIS]!) : filled;
}
