import { DocDriftError } from "./doc-drift.ts";

/** A usage synopsis's `[optional]` part, as written (brackets included), and where it stands. */
interface OptionalPart {
  text: string;
  start: number;
  end: number;
}

/** The top-level `[...]` parts of a command, outside quotes (`--params '{"a":[1]}'` has none). */
export function optionalParts(command: string): OptionalPart[] {
  const parts: OptionalPart[] = [];
  let quote: string | undefined;
  let depth = 0;
  let start = 0;
  for (let index = 0; index < command.length; index += 1) {
    const char = command[index]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === "[" && (index === 0 || command[index - 1] === " " || depth > 0)) {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === "]" && depth > 0) {
      depth -= 1;
      if (depth === 0) parts.push({ text: command.slice(start, index + 1), start, end: index + 1 });
    }
  }
  return parts;
}

/** Which optional parts a person types: none, all, or the named ones (as written, without brackets). */
export type OptionalChoice = "none" | "all" | string[];

/**
 * A synopsis as a person types it: the chosen `[optional]` parts without their brackets, the
 * others left out. Nothing is chosen silently: a synopsis without a choice, or a choice naming
 * a part the command no longer has, is doc drift.
 */
export function chooseOptional(command: string, where: string, choice: OptionalChoice | undefined): string {
  const parts = optionalParts(command);
  if (!parts.length) {
    if (choice !== undefined) throw new DocDriftError(`the command at ${where} no longer has [optional] parts to choose from`, [command]);
    return command;
  }
  if (choice === undefined) {
    throw new DocDriftError(`the command at ${where} is a synopsis with [optional] parts: say which a person types (optional: none, all or a list)`, parts.map(({ text }) => text));
  }
  const inner = (part: OptionalPart) => part.text.slice(1, -1).trim();
  const missing = Array.isArray(choice) ? choice.filter((wanted) => !parts.some((part) => inner(part) === wanted)) : [];
  if (missing.length) throw new DocDriftError(`the command at ${where} has no optional part ${missing.map((text) => `[${text}]`).join(", ")}`, parts.map(({ text }) => text));
  const keep = (part: OptionalPart) => choice === "all" || (Array.isArray(choice) && choice.includes(inner(part)));
  let typed = command;
  for (const part of [...parts].reverse()) {
    // A part left out takes the space before it along.
    const from = keep(part) || typed[part.start - 1] !== " " ? part.start : part.start - 1;
    typed = `${typed.slice(0, from)}${keep(part) ? inner(part) : ""}${typed.slice(part.end)}`;
  }
  return typed;
}
