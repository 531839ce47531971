import { readFileSync } from "node:fs";
import { z } from "zod";

export const ClientClass = z.enum(["codex-cli", "node", "unknown"]);
export type ClientClass = z.infer<typeof ClientClass>;

const FingerprintTable = z.object({
  fingerprints: z.array(z.object({ ja4: z.string().regex(/^t\d\d[di]\d{4}[a-z0-9]{2}_[0-9a-f]{12}_[0-9a-f]{12}$/), class: ClientClass, client: z.string() })),
});

export interface ClientIdentity {
  clientClass: ClientClass;
  /** Which known client the JA4 matched, or undefined for an unknown fingerprint. */
  client?: string;
}

/** Classifies TLS clients by JA4 (stable even where rustls shuffles extensions and JA3 is not). */
export class ClientClassifier {
  private readonly byJa4: Map<string, ClientIdentity>;

  constructor(table: z.input<typeof FingerprintTable>) {
    const { fingerprints } = FingerprintTable.parse(table);
    this.byJa4 = new Map(fingerprints.map((entry) => [entry.ja4, { clientClass: entry.class, client: entry.client }]));
  }

  static fromDataFile(path = new URL("./client-fingerprints.json", import.meta.url)): ClientClassifier {
    return new ClientClassifier(JSON.parse(readFileSync(path, "utf8")));
  }

  classify(ja4: string): ClientIdentity {
    return this.byJa4.get(ja4) ?? { clientClass: "unknown" };
  }
}
