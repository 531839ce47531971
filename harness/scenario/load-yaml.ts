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

/** The line in a YAML file of the node at a path (["claims", 3]), for a message that names file:line. */
export function yamlLine(path: string, at: PropertyKey[]): number {
  const lines = new LineCounter();
  const document = parseDocument(readFileSync(path, "utf8"), { lineCounter: lines });
  return lineOf(document.contents, at, lines);
}

/** A path as messages show it: relative to where the command runs, or to the project. */
export const shownPath = (path: string) => relative(process.cwd(), path) || relative(projectRoot, path);

/** zod nests the real reason of a bad record key or union member one level down: bring it up. */
function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_key" && issue.issues[0]) return `key "${String(issue.path.at(-1))}": ${issue.issues[0].message}`;
  return issue.message;
}

/** A problem a check across the file (or across files) finds, at a path into the document. */
export interface Finding {
  path: PropertyKey[];
  message: string;
}

/**
 * Reads a YAML file and validates it, then runs `check` on the result (rules that need more than
 * the file, such as "this scenario exists"). Any problem becomes one line: file:line, the field,
 * what is wrong. Never a stack trace.
 */
export function loadYaml<T extends z.ZodType>(path: string, schema: T, check?: (data: z.infer<T>) => Finding[]): z.infer<T> {
  const shown = shownPath(path);
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
  let plain: unknown;
  try {
    // yaml refuses documents whose aliases expand without bound (an "alias bomb").
    plain = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new BadInputError(`${shown}:1: YAML: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(plain);
  const finding: Finding | undefined = parsed.success
    ? check?.(parsed.data)[0]
    : { path: parsed.error.issues[0]!.path, message: describeIssue(parsed.error.issues[0]!) };
  if (finding) {
    const field = finding.path.length ? finding.path.join(".") : "(top level)";
    throw new BadInputError(`${shown}:${lineOf(document.contents, finding.path, lines)}: ${field}: ${finding.message}`);
  }
  return parsed.data as z.infer<T>;
}
