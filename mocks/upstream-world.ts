import { join } from "node:path";
import type { RequestHandler } from "msw";
import { ApiKeys } from "./api-keys.ts";
import { DNS_SOCKET_NAME, startResolver } from "./dns/resolver.ts";
import { CertificateAuthority } from "./edge/certificate-authority.ts";
import { ClientClassifier } from "./edge/client-class.ts";
import { PROXY_ENDPOINT, PROXY_SOCKET_NAME, startConnectProxy } from "./edge/connect-proxy.ts";
import type { EgressProfile } from "./edge/cloudflare-gate.ts";
import { Edge, socketNameFor } from "./edge/edge.ts";
import { Journal } from "./edge/journal.ts";
import { startUnservedLog, UNSERVED_SOCKET_NAME } from "./edge/unserved.ts";
import type { WebSocketRoute } from "./edge/websocket-route.ts";
import type { Listening } from "./net/listen.ts";
import type { NpmMirror } from "./npm-registry/snapshot.ts";
import type { RelayPlan } from "./relay-plan.ts";
import { apiKeyKinds, serviceCatalog, servedHosts } from "./services.ts";
import type { UpstreamHost } from "./edge/upstream-host.ts";
import type { ServiceDefinition } from "./upstream-service.ts";

/** The SUT's resolver address (resolv.conf); the relay answers there and forwards to ours. */
const RESOLVER_ADDRESS = "127.0.0.53";
/** Ports where a literal address is likeliest dialled: such connections are reported and reset. */
const CATCH_ALL_PORTS = [80, 443];
/** A client that has sent nothing useful by then never will: real clients speak at once. */
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 5_000;

export interface UpstreamWorldOptions {
  /** Folder for the unix sockets the SUT's relay connects to. */
  socketDir: string;
  profile: EgressProfile;
  ca?: CertificateAuthority;
  /** Without it the registry is empty: every package request is 404 (and journaled). */
  npmMirror?: NpmMirror;
  handshakeTimeoutMs?: number;
  /** "refused": no host answers a WebSocket (404), so clients take their SSE fallback. */
  webSockets?: "served" | "refused";
  /** The services it plays; the whole catalog unless a test wants fewer. */
  services?: readonly ServiceDefinition[];
}

/** Two services may not claim one host or one address: the relay could not tell them apart. */
function checkDistinct(hosts: readonly UpstreamHost[]): void {
  for (const key of ["host", "address"] as const) {
    const seen = new Set<string>();
    for (const host of hosts) {
      if (seen.has(host[key])) throw new Error(`two served hosts share the ${key} ${host[key]}`);
      seen.add(host[key]);
    }
  }
}

/**
 * Everything outside the SUT: the services of the catalog (their msw handlers and WebSocket
 * routes) behind the fingerprinting edge, the resolver and the CONNECT proxy, all listening on
 * unix sockets in `socketDir`. It hands the SUT what it needs to reach them (`relayPlan`,
 * `hostsEntries`, `resolverAddress`, `proxyEnv()`), so nothing else needs to know its sockets or
 * addresses. What a service keeps (an account, issued codes) is read with `stateOf`.
 */
export class UpstreamWorld {
  readonly journal = new Journal();
  readonly ca: CertificateAuthority;
  /** The API keys the person holds here (`apiKeys.issue(kind)`), the only ones the providers accept. */
  readonly apiKeys: ApiKeys;
  private readonly hosts: UpstreamHost[];
  private readonly states = new Map<ServiceDefinition, unknown>();
  private readonly listening: Listening[] = [];
  private edge?: Edge;

  private constructor(ca: CertificateAuthority, services: readonly ServiceDefinition[]) {
    this.ca = ca;
    this.hosts = servedHosts(services);
    this.apiKeys = new ApiKeys(apiKeyKinds(services));
  }

  static async start(options: UpstreamWorldOptions): Promise<UpstreamWorld> {
    const services = options.services ?? serviceCatalog;
    const world = new UpstreamWorld(options.ca ?? (await CertificateAuthority.create()), services);
    checkDistinct(world.hosts);
    const handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
    const handlersByHost = new Map<string, RequestHandler[]>();
    const webSockets: WebSocketRoute[] = [];
    for (const service of services) {
      const started = service.start({ apiKeys: world.apiKeys, npmMirror: options.npmMirror });
      world.states.set(service, started.state);
      for (const { host } of service.hosts) handlersByHost.set(host, started.handlers);
      webSockets.push(...(started.webSockets ?? []));
    }
    try {
      world.edge = await Edge.start({
        socketDir: options.socketDir, ca: world.ca, classifier: ClientClassifier.fromDataFile(), upstreams: world.hosts,
        profile: options.profile, handlersByHost, journal: world.journal, handshakeTimeoutMs,
        fingerprintedHosts: new Set(world.hosts.filter((host) => host.fingerprinted).map((host) => host.host)),
        webSockets: options.webSockets === "refused" ? [] : webSockets,
      });
      world.listening.push(
        await startResolver(join(options.socketDir, DNS_SOCKET_NAME), world.hosts, world.journal),
        await startUnservedLog(join(options.socketDir, UNSERVED_SOCKET_NAME), world.journal),
        await startConnectProxy(options.socketDir, world.hosts, world.journal, handshakeTimeoutMs),
      );
    } catch (error) {
      await world.close();
      throw error;
    }
    return world;
  }

  /** What the relay inside the SUT's namespace listens on, and which of our sockets each leads to. */
  get relayPlan(): RelayPlan {
    return {
      listeners: [
        ...this.hosts.map((upstream) => ({ address: upstream.address, port: upstream.port, socket: socketNameFor(upstream) })),
        { ...PROXY_ENDPOINT, socket: PROXY_SOCKET_NAME },
      ],
      dns: { address: RESOLVER_ADDRESS, socket: DNS_SOCKET_NAME },
      catchAllPorts: CATCH_ALL_PORTS,
      unservedSocket: UNSERVED_SOCKET_NAME,
    };
  }

  /** /etc/hosts lines of the SUT: each served host at its public-looking address. */
  get hostsEntries(): { host: string; ipAddress: string }[] {
    return this.hosts.map((upstream) => ({ host: upstream.host, ipAddress: upstream.address }));
  }

  get resolverAddress(): string {
    return RESOLVER_ADDRESS;
  }

  /** The environment of a person behind our CONNECT proxy: both spellings, local addresses excepted. */
  proxyEnv(): Record<string, string> {
    const url = `http://${PROXY_ENDPOINT.address}:${PROXY_ENDPOINT.port}`;
    const local = "localhost,127.0.0.1,::1";
    return { HTTPS_PROXY: url, HTTP_PROXY: url, https_proxy: url, http_proxy: url, NO_PROXY: local, no_proxy: local };
  }

  /** What a service of this world keeps (the OpenAI account the person signs in with, say). */
  stateOf<State>(service: ServiceDefinition<State>): State {
    if (!this.states.has(service)) throw new Error(`this world does not play ${service.name}`);
    return this.states.get(service) as State;
  }

  /** What an actor (the person at the browser) sends to an upstream. */
  actorFetch(request: Request): Promise<Response> {
    if (!this.edge) throw new Error("upstream world is not started");
    return this.edge.actorFetch(request);
  }

  /** Stops every listener; open connections are cut, never waited on. */
  async close(): Promise<void> {
    await Promise.all([this.edge?.close(), ...this.listening.map((listening) => listening.close())]);
  }
}
