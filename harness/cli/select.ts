import { commaList } from "../util/comma-list.ts";
import { BadInputError } from "../util/errors.ts";

const list = (text?: string) => (text === undefined ? undefined : commaList(text));

/**
 * The scenarios `--scenario` and `--tag` select. A name that matches nothing is bad input that
 * names what exists: a typo must never turn into a run that checked nothing.
 */
/** What a run can select: a scenario, or a reference suite. */
export interface Selectable {
  id: string;
  tags: string[];
  openclaw: string;
  file: string;
}

export function selectScenarios<T extends Selectable>(all: T[], options: { scenario?: string; tag?: string }): T[] {
  const ids = list(options.scenario);
  const tags = list(options.tag);
  if (options.scenario !== undefined && !ids?.length) throw new BadInputError("--scenario is empty: give one or more scenario ids, comma-separated");
  if (options.tag !== undefined && !tags?.length) throw new BadInputError("--tag is empty: give one or more tags, comma-separated");
  const known = all.map(({ id }) => id);
  const unknownIds = ids?.filter((id) => !known.includes(id)) ?? [];
  if (unknownIds.length) throw new BadInputError(`no scenario ${unknownIds.map((id) => `"${id}"`).join(", ")} (scenarios: ${known.join(", ")})`);
  const knownTags = [...new Set(all.flatMap(({ tags }) => tags))];
  const unknownTags = tags?.filter((tag) => !knownTags.includes(tag)) ?? [];
  if (unknownTags.length) throw new BadInputError(`no scenario has the tag ${unknownTags.map((tag) => `"${tag}"`).join(", ")} (tags: ${knownTags.join(", ")})`);
  const selected = all.filter((one) => (!ids || ids.includes(one.id)) && (!tags || one.tags.some((tag) => tags.includes(tag))));
  if (!selected.length) throw new BadInputError(`no scenario is both among ${ids!.join(", ")} and tagged ${tags!.join(" or ")}`);
  return selected;
}
