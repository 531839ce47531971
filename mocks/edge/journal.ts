import { z } from "zod";
import { SECRET_HEADER_NAMES, SECRET_PARAMETER_NAMES } from "../secrets.ts";

/**
 * One thing the SUT tried: an HTTP request through the edge, a DNS question, a failed handshake,
 * or a connection to an address we do not serve. `fault` entries are the harness's own failures
 * (a mock that threw): they make the scenario broken.
 */
export const JournalEntry = z.object({
  seq: z.number(),
  time: z.string(),
  kind: z.enum(["http", "websocket", "dns", "tls", "connect", "fault"]),
  /** Who spoke: the SUT (through the relay), one of the harness's actors, or the harness itself (faults). */
  origin: z.enum(["sut", "actor", "harness"]),
  host: z.string(),
  /** The public-looking address the SUT connected to (absent for actors and DNS). */
  address: z.string().optional(),
  method: z.string().optional(),
  path: z.string().optional(),
  status: z.number().optional(),
  ja4: z.string().optional(),
  clientClass: z.string().optional(),
  client: z.string().optional(),
  /** Which mock answered: a host's handlers, the Cloudflare gate, or nobody (unmatched). */
  answeredBy: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  note: z.string().optional(),
});
export type JournalEntry = z.infer<typeof JournalEntry>;

const keptHeaders = ["user-agent", "authorization", "chatgpt-account-id", "originator", "openai-beta", "content-type", "accept", "cf-mitigated", "x-openclaw-session-id", "version"];
const secretHeaders = new Set<string>(SECRET_HEADER_NAMES);

/** Keeps the headers that tell clients apart; secrets keep only their shape. */
export function selectHeaders(headers: Headers): Record<string, string> {
  const selected: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = headers.get(name);
    if (value === null) continue;
    selected[name] = secretHeaders.has(name) ? redact(value) : value;
  }
  return selected;
}

function redact(value: string): string {
  const [scheme, secret] = value.includes(" ") ? value.split(/\s+/, 2) : ["", value];
  return `${scheme ? `${scheme} ` : ""}<redacted ${secret?.length ?? 0} chars>`;
}

/** The path with secret query values blanked, so reports can be shared. */
export function redactPath(url: URL): string {
  const params = new URLSearchParams(url.search);
  for (const name of SECRET_PARAMETER_NAMES) if (params.has(name)) params.set(name, "<redacted>");
  const query = params.toString();
  return `${url.pathname}${query ? `?${query.replaceAll("%3Credacted%3E", "<redacted>")}` : ""}`;
}

/** Append-only record of everything that reached the edge, in arrival order. */
export class Journal {
  private readonly entries: JournalEntry[] = [];

  record(entry: Omit<JournalEntry, "seq" | "time">): JournalEntry {
    const full = JournalEntry.parse({ ...entry, seq: this.entries.length + 1, time: new Date().toISOString() });
    this.entries.push(full);
    return full;
  }

  /**
   * A failure of the harness itself, with where it happened. The listener that caught it goes on
   * serving; the scenario it happened in is broken, never drift.
   */
  fault(source: string, error: unknown): JournalEntry {
    const message = error instanceof Error ? error.message : String(error);
    return this.record({ kind: "fault", origin: "harness", host: source, note: message.split("\n")[0] });
  }

  faults(): { source: string; message: string }[] {
    return this.entries.filter((entry) => entry.kind === "fault").map((entry) => ({ source: entry.host, message: entry.note ?? "" }));
  }

  all(): readonly JournalEntry[] {
    return this.entries;
  }

  /** Entries after a mark, so a step sees only what it caused. */
  since(mark: number): JournalEntry[] {
    return this.entries.slice(mark);
  }

  get mark(): number {
    return this.entries.length;
  }
}

/** One line per entry, for terminals and failure messages. */
export function formatJournalEntry(entry: JournalEntry): string {
  if (entry.kind === "dns") return `#${entry.seq} dns ${entry.host} → ${entry.note ?? ""}`;
  if (entry.kind === "connect") return `#${entry.seq} connect → ${entry.note ?? ""}`;
  if (entry.kind === "fault") return `#${entry.seq} HARNESS FAULT in ${entry.host}: ${entry.note ?? ""}`;
  if (entry.kind === "tls") return `#${entry.seq} tls ${entry.host}${entry.ja4 ? ` ${entry.ja4}` : ""} ${entry.note ?? ""}`;
  const who = entry.origin === "actor" ? "actor" : `${entry.clientClass}${entry.ja4 ? ` ${entry.ja4}` : ""}`;
  return `#${entry.seq} ${entry.method} https://${entry.host}${entry.path} → ${entry.status} by ${entry.answeredBy} [${who}]${entry.note ? ` (${entry.note})` : ""}`;
}
