import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * A kind of API key a person can hold at a provider (made on its dashboard, as the docs' first
 * step says). The world issues a fresh one per scenario; the provider's mock accepts only keys it
 * issued, so a key the scenario never got is refused as the real service would refuse it.
 */
export const ApiKeyKind = z.object({
  name: z.string().regex(/^[a-z0-9-]+-(key|token)$/, "a name ending in -key or -token, so reports know it is a credential"),
  /** What a key of this kind looks like before its random part (sk-proj-, sk-ant-api03-). */
  prefix: z.string(),
  /** How many random characters follow the prefix: clients check a key's length (a setup token is long). */
  length: z.number().int().min(16).default(32),
});
export type ApiKeyKind = z.infer<typeof ApiKeyKind>;

/**
 * The API keys the person holds in one world: issued fresh per scenario, in the provider's own
 * shape, and the only keys that provider's mock accepts.
 */
export class ApiKeys {
  private readonly kinds: ReadonlyMap<string, ApiKeyKind>;
  private readonly issued = new Map<string, Set<string>>();

  constructor(kinds: readonly ApiKeyKind[]) {
    this.kinds = new Map(kinds.map((kind) => [kind.name, kind]));
  }

  /** A new key of this kind, as the provider's dashboard would show it once. */
  issue(name: string): string {
    const kind = this.kinds.get(name);
    if (!kind) throw new Error(`no service issues "${name}" (known: ${[...this.kinds.keys()].join(", ")})`);
    const key = `${kind.prefix}${randomBytes(kind.length).toString("base64url").slice(0, kind.length)}`;
    this.issued.set(name, new Set([...(this.issued.get(name) ?? []), key]));
    return key;
  }

  /** Whether the key was issued as this kind in this world. */
  accepts(name: string, key: string | null | undefined): boolean {
    return Boolean(key && this.issued.get(name)?.has(key.trim()));
  }
}
