/**
 * A documented config key path (`gateway.auth.token`, `agents.entries.<id>.model`,
 * `models.providers["openai-codex"].models[0]`) looked up in the JSON schema the version prints
 * for its own config (`openclaw config schema`). Environment-free: the schema in, a verdict out.
 */
type Schema = { [key: string]: unknown };

export type KeyVerdict =
  | { known: true }
  /** Its first segment is no top-level key: a file name, a report field, an RPC method — not a config path. */
  | { notAConfigPath: true }
  | { known: false; at: string; missing: string; offered: string[] };

/** A placeholder segment stands for any key or index: `<id>`, `*`, `[]`, `[0]`, `["openai/gpt-5.5"]` stays a literal. */
const WILDCARD = /^(<[^<>]+>|\*|\[\]|\[\d+\])$/;

/** The segments of a key path: dots outside brackets; a bracketed part is a segment of its own. */
export function keySegments(key: string): string[] {
  const segments: string[] = [];
  for (const match of key.matchAll(/\[(?:"([^"]*)"|'([^']*)'|([^\]]*))\]|([^.[\]]+)/g)) {
    const [, doubleQuoted, singleQuoted, bare, plain] = match;
    if (plain !== undefined) segments.push(plain);
    else if (doubleQuoted !== undefined || singleQuoted !== undefined) segments.push((doubleQuoted ?? singleQuoted)!);
    else segments.push(bare === "" ? "[]" : /^\d+$/.test(bare!) ? `[${bare}]` : bare!);
  }
  return segments;
}

/** A schema node with its references followed and its alternatives (anyOf, oneOf, allOf) spread out. */
function alternatives(root: Schema, node: unknown, seen = new Set<unknown>()): Schema[] {
  if (!node || typeof node !== "object" || seen.has(node)) return [];
  seen.add(node);
  const schema = node as Schema;
  const ref = typeof schema.$ref === "string" ? resolveRef(root, schema.$ref) : undefined;
  const branches = ["anyOf", "oneOf", "allOf"].flatMap((key) => (Array.isArray(schema[key]) ? (schema[key] as unknown[]) : []));
  return [schema, ...(ref ? alternatives(root, ref, seen) : []), ...branches.flatMap((branch) => alternatives(root, branch, seen))];
}

function resolveRef(root: Schema, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref.slice(2).split("/").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Schema)[part.replace(/~1/g, "/").replace(/~0/g, "~")] : undefined), root);
}

/** Whether a schema says nothing of its keys: anything goes below it. */
const isOpen = (schema: Schema) => schema.additionalProperties === true || (schema.type === undefined && !schema.properties && !schema.items && !schema.additionalProperties && !schema.patternProperties && !schema.anyOf && !schema.oneOf && !schema.allOf && !schema.$ref && !schema.enum && !schema.const);

/** The schemas a segment leads to from one node (empty when the node has no such key). */
function childrenOf(schema: Schema, segment: string): unknown[] {
  const wildcard = WILDCARD.test(segment);
  const properties = (schema.properties ?? {}) as Schema;
  const children: unknown[] = [];
  if (!wildcard && segment in properties) children.push(properties[segment]);
  if (wildcard) children.push(...Object.values(properties));
  for (const [pattern, child] of Object.entries((schema.patternProperties ?? {}) as Schema)) if (wildcard || new RegExp(pattern, "u").test(segment)) children.push(child);
  if (schema.additionalProperties && typeof schema.additionalProperties === "object") children.push(schema.additionalProperties);
  if (schema.items && (wildcard || /^\[\d+\]$/.test(segment))) children.push(...(Array.isArray(schema.items) ? schema.items : [schema.items]));
  return children;
}

/** What the version's config schema says of a documented key path. */
export function judgeKeyPath(schema: Schema, key: string): KeyVerdict {
  const segments = keySegments(key);
  const rootKeys = Object.keys((schema.properties ?? {}) as Schema);
  if (!segments.length || !rootKeys.includes(segments[0]!)) return { notAConfigPath: true };
  let nodes = alternatives(schema, schema);
  for (const [index, segment] of segments.entries()) {
    if (nodes.some(isOpen)) return { known: true };
    const next = nodes.flatMap((node) => childrenOf(node, segment)).flatMap((child) => alternatives(schema, child));
    if (!next.length) {
      const offered = [...new Set(nodes.flatMap((node) => Object.keys((node.properties ?? {}) as Schema)))].sort();
      return { known: false, at: segments.slice(0, index).join(".") || "(the top level)", missing: segment, offered };
    }
    nodes = next;
  }
  return { known: true };
}
