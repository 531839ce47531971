import { BadInputError } from "../util/errors.ts";

/**
 * A command's --format: one of its formats, or one line saying which it takes (exit 3). `aliases`
 * maps other accepted names onto them (the options' shared default, "text", for a command whose
 * text form is Markdown).
 */
export function formatOption<const Format extends string>(formats: readonly Format[], given: string, aliases: Record<string, Format> = {}): Format {
  if ((formats as readonly string[]).includes(given)) return given as Format;
  const alias = aliases[given];
  if (alias) return alias;
  throw new BadInputError(`--format ${given}: one of ${formats.join(", ")}`);
}
