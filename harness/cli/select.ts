import { matchesGlob } from "node:path";
import { Egress } from "../../mocks/egress.ts";
import { commaList } from "../util/comma-list.ts";
import { BadInputError } from "../util/errors.ts";
import { closeTo } from "../util/nearest.ts";

const list = (text?: string) => (text === undefined ? undefined : commaList(text));

/** What a run can select: a scenario, or a reference suite. */
export interface Selectable {
  id: string;
  tags: string[];
  openclaw: string;
  file: string;
  /** The egresses it runs under. */
  egress: string[];
  /** The doc pages its steps and claims name (a reference suite names none of its own). */
  pages: string[];
}

/** The filters of run, list, explain and repro, as given on the command line (comma lists; --page a glob). */
export interface SelectOptions {
  scenario?: string;
  tag?: string;
  egress?: string;
  page?: string;
}

/** "no scenario "x"", with the one it most likely meant, else all there are. */
function unknown(what: string, plural: string, wanted: string[], known: string[]): BadInputError {
  const guesses = wanted.map((one) => [one, closeTo(one, known)] as const);
  const named = guesses.map(([one, guess]) => `"${one}"${guess ? ` (did you mean "${guess}"?)` : ""}`).join(", ");
  const all = guesses.every(([, guess]) => guess) ? "" : ` (${plural}: ${known.join(", ")})`;
  return new BadInputError(`no ${what} ${named}${all}`);
}

/** The glob as a page path under docs/ (a leading docs/ is the tree's, not the page's). */
const pageGlob = (glob: string) => glob.replace(/^(\.\/)?docs\//, "");

/**
 * The scenarios the filters select: every id of --scenario, then those with one of the tags, one
 * of the egresses, and a page matching the glob. A name that matches nothing is bad input that
 * names what was likely meant: a typo must never turn into a run that checked nothing.
 */
export function selectScenarios<T extends Selectable>(all: T[], options: SelectOptions): T[] {
  const ids = list(options.scenario);
  const tags = list(options.tag);
  const egresses = list(options.egress);
  for (const [flag, given, values] of [["--scenario", options.scenario, ids], ["--tag", options.tag, tags], ["--egress", options.egress, egresses]] as const) {
    if (given !== undefined && !values?.length) throw new BadInputError(`${flag} is empty: give one or more, comma-separated`);
  }
  if (options.page !== undefined && !options.page.trim()) throw new BadInputError("--page is empty: give a page path or glob under docs/, e.g. cli/doctor*.md");
  const unknownIds = ids?.filter((id) => !all.some((one) => one.id === id)) ?? [];
  if (unknownIds.length) throw unknown("scenario", "scenarios", unknownIds, all.map(({ id }) => id));
  const knownTags = [...new Set(all.flatMap((one) => one.tags))];
  const unknownTags = tags?.filter((tag) => !knownTags.includes(tag)) ?? [];
  if (unknownTags.length) throw unknown("scenario has the tag", "tags", unknownTags, knownTags);
  const unknownEgresses = egresses?.filter((egress) => !Egress.safeParse(egress).success) ?? [];
  if (unknownEgresses.length) throw unknown("egress", "egresses", unknownEgresses, Egress.options);
  const glob = options.page === undefined ? undefined : pageGlob(options.page.trim());
  if (glob !== undefined && !all.some((one) => one.pages.some((page) => matchesGlob(page, glob)))) {
    const pages = [...new Set(all.flatMap((one) => one.pages))].sort();
    const guess = closeTo(glob, pages);
    throw new BadInputError(`no scenario names a page matching "${options.page}"${guess ? ` (did you mean "${guess}"?)` : ""}`);
  }
  // A scenario named outright that cannot run under the egress asked for is a contradiction, not a filter.
  const offEgress = egresses && ids ? all.filter((one) => ids.includes(one.id) && !one.egress.some((egress) => egresses.includes(egress))) : [];
  if (offEgress.length) throw new BadInputError(offEgress.map((one) => `${one.id} runs under ${one.egress.join(", ")}, not ${egresses!.join(" or ")}`).join("; "));
  const selected = all.filter(
    (one) =>
      (!ids || ids.includes(one.id)) &&
      (!tags || one.tags.some((tag) => tags.includes(tag))) &&
      (!egresses || one.egress.some((egress) => egresses.includes(egress))) &&
      (glob === undefined || one.pages.some((page) => matchesGlob(page, glob))),
  );
  if (!selected.length) {
    const filters = [ids && `--scenario ${ids.join(",")}`, tags && `--tag ${tags.join(",")}`, egresses && `--egress ${egresses.join(",")}`, glob !== undefined && `--page ${options.page}`].filter(Boolean);
    throw new BadInputError(`no scenario matches all of ${filters.join(", ")}`);
  }
  return selected;
}

