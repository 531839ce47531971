import { join } from "node:path";
import type { RequestHandler } from "msw";
import { createMockAccount, type MockAccount } from "./auth/account.ts";
import { BrowserAuthorizations } from "./auth/browser-authorizations.ts";
import { DeviceAuthorizations } from "./auth/device-authorizations.ts";
import { authHandlers } from "./auth/handlers.ts";
import { chatgptHandlers } from "./chatgpt/handlers.ts";
import { responsesWebSocket } from "./chatgpt/responses-websocket.ts";
import { DNS_SOCKET_NAME, startResolver } from "./dns/resolver.ts";
import { CertificateAuthority } from "./edge/certificate-authority.ts";
import { ClientClassifier } from "./edge/client-class.ts";
import { PROXY_ENDPOINT, PROXY_SOCKET_NAME, startConnectProxy } from "./edge/connect-proxy.ts";
import type { EgressProfile } from "./edge/cloudflare-gate.ts";
import { Edge, socketNameFor } from "./edge/edge.ts";
import { Journal } from "./edge/journal.ts";
import { startUnservedLog, UNSERVED_SOCKET_NAME } from "./edge/unserved.ts";
import type { Listening } from "./net/listen.ts";
import { npmRegistryHandlers } from "./npm-registry/handlers.ts";
import type { NpmMirror } from "./npm-registry/snapshot.ts";
import type { RelayPlan } from "./relay-plan.ts";
import { upstreamHosts } from "./upstream-hosts.ts";

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
  /** "refused": chatgpt.com answers no WebSocket (404), so clients take their SSE fallback. */
  webSockets?: "served" | "refused";
}

/**
 * Everything outside the SUT: the OpenAI services and the npm registry as msw handlers, behind
 * the fingerprinting edge, the resolver and the CONNECT proxy, all listening on unix sockets in
 * `socketDir`. It hands the SUT what it needs to reach them (`relayPlan`, `hostsEntries`,
 * `resolverAddress`, `proxyEnv()`), so nothing else needs to know its sockets or addresses.
 */
export class UpstreamWorld {
  readonly journal = new Journal();
  readonly account: MockAccount = createMockAccount();
  readonly devices = new DeviceAuthorizations();
  readonly browsers = new BrowserAuthorizations();
  readonly ca: CertificateAuthority;
  private readonly listening: Listening[] = [];
  private edge?: Edge;

  private constructor(ca: CertificateAuthority) {
    this.ca = ca;
  }

  static async start(options: UpstreamWorldOptions): Promise<UpstreamWorld> {
    const world = new UpstreamWorld(options.ca ?? (await CertificateAuthority.create()));
    const handshakeTimeoutMs = options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS;
    const handlersByHost = new Map<string, RequestHandler[]>([
      ["chatgpt.com", chatgptHandlers(world.account)],
      ["auth.openai.com", authHandlers(world.account, world.devices, world.browsers)],
      ["registry.npmjs.org", npmRegistryHandlers(options.npmMirror)],
    ]);
    try {
      world.edge = await Edge.start({
        socketDir: options.socketDir, ca: world.ca, classifier: ClientClassifier.fromDataFile(), upstreams: upstreamHosts,
        profile: options.profile, handlersByHost, journal: world.journal, handshakeTimeoutMs,
        webSockets: options.webSockets === "refused" ? [] : [responsesWebSocket],
      });
      world.listening.push(
        await startResolver(join(options.socketDir, DNS_SOCKET_NAME), upstreamHosts, world.journal),
        await startUnservedLog(join(options.socketDir, UNSERVED_SOCKET_NAME), world.journal),
        await startConnectProxy(options.socketDir, upstreamHosts, world.journal, handshakeTimeoutMs),
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
        ...upstreamHosts.map((upstream) => ({ address: upstream.address, port: upstream.port, socket: socketNameFor(upstream) })),
        { ...PROXY_ENDPOINT, socket: PROXY_SOCKET_NAME },
      ],
      dns: { address: RESOLVER_ADDRESS, socket: DNS_SOCKET_NAME },
      catchAllPorts: CATCH_ALL_PORTS,
      unservedSocket: UNSERVED_SOCKET_NAME,
    };
  }

  /** /etc/hosts lines of the SUT: each served host at its public-looking address. */
  get hostsEntries(): { host: string; ipAddress: string }[] {
    return upstreamHosts.map((upstream) => ({ host: upstream.host, ipAddress: upstream.address }));
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
