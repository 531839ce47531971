import type { RequestHandler } from "msw";
import { z } from "zod";
import { ApiKeyKind, type ApiKeys } from "./api-keys.ts";
import { UpstreamHost } from "./edge/upstream-host.ts";
import type { WebSocketRoute } from "./edge/websocket-route.ts";
import type { NpmMirror } from "./npm-registry/snapshot.ts";

/** What every service gets from the world it runs in. */
export interface ServiceContext {
  apiKeys: ApiKeys;
  /** What the mock npm registry serves; without it the registry is empty. */
  npmMirror?: NpmMirror;
}

/** A started service: msw handlers (matched on absolute URLs), WebSocket endpoints, and its own state. */
export interface StartedService<State> {
  handlers: RequestHandler[];
  webSockets?: WebSocketRoute[];
  state: State;
}

/**
 * A remote service the world plays: the hosts it answers as, the API keys a person can hold
 * there, and how it starts. Adding a provider is one of these and scenario files: the edge, the
 * resolver, the proxy and the SUT's relay all take their hosts from the catalog.
 */
export interface ServiceDefinition<State = unknown> {
  name: string;
  hosts: UpstreamHost[];
  apiKeys?: ApiKeyKind[];
  start(context: ServiceContext): StartedService<State>;
}

/** A service definition, its hosts and key kinds parsed (so a bad address fails at load, not in a run). */
export function defineService<State>(
  definition: Omit<ServiceDefinition<State>, "hosts" | "apiKeys"> & { hosts: z.input<typeof UpstreamHost>[]; apiKeys?: z.input<typeof ApiKeyKind>[] },
): ServiceDefinition<State> {
  return { ...definition, hosts: definition.hosts.map((host) => UpstreamHost.parse(host)), apiKeys: definition.apiKeys?.map((kind) => ApiKeyKind.parse(kind)) };
}
