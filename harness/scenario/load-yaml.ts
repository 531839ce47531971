import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { isMap, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import type { z } from "zod";
import { BadInputError } from "../util/errors.ts";
import { projectRoot } from "../util/paths.ts";

/** The line of the YAML node at a zod issue's path, so a message can name file:line. */
function lineOf(root: Node | null, path: PropertyKey[], lines: LineCounter): number {
  let node: unknown = root;
  for (const key of path) {
    if (isMap(node)) node = node.get(key as string, true) ?? node;
    else if (isSeq(node)) node = node.get(Number(key), true) ?? node;
    else break;
  }
  const offset = (node as Node | null)?.range?.[0] ?? 0;
  return lines.linePos(offset).line;
}

/** zod nests the real reason of a bad record key or union member one level down: bring it up. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_key" && issue.issues[0]) return `key "${String(issue.path.at(-1))}": ${issue.issues[0].message}`;
  return issue.message;
}

/**
 * Reads a YAML file and validates it. Any problem becomes one line: file:line, the field, what is
 * wrong. Never a stack trace.
 */
export function loadYaml<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  const shown = relative(process.cwd(), path) || relative(projectRoot, path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new BadInputError(`${shown}: cannot read the file`);
  }
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = document.errors[0];
  if (syntax) {
    const line = syntax.linePos?.[0]?.line ?? lines.linePos(syntax.pos[0]).line;
    throw new BadInputError(`${shown}:${line}: YAML syntax: ${syntax.message.split("\n")[0]}`);
  }
  const parsed = schema.safeParse(document.toJS());
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? issue.path.join(".") : "(top level)";
    throw new BadInputError(`${shown}:${lineOf(document.contents, issue.path, lines)}: ${field}: ${describeIssue(issue)}`);
  }
  return parsed.data;
}
