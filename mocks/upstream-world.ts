import type { Server } from "node:net";
import { join } from "node:path";
import type { RequestHandler } from "msw";
import { createMockAccount, type MockAccount } from "./auth/account.ts";
import { BrowserAuthorizations } from "./auth/browser-authorizations.ts";
import { DeviceAuthorizations } from "./auth/device-authorizations.ts";
import { authHandlers } from "./auth/handlers.ts";
import { chatgptHandlers } from "./chatgpt/handlers.ts";
import { DNS_SOCKET_NAME, startResolver } from "./dns/resolver.ts";
import { CertificateAuthority } from "./edge/certificate-authority.ts";
import { ClientClassifier } from "./edge/client-class.ts";
import { startConnectProxy } from "./edge/connect-proxy.ts";
import type { EgressProfile } from "./edge/cloudflare-gate.ts";
import { Edge } from "./edge/edge.ts";
import { Journal } from "./edge/journal.ts";
import { startUnservedLog, UNSERVED_SOCKET_NAME } from "./edge/unserved.ts";
import { npmRegistryHandlers } from "./npm-registry/handlers.ts";
import type { NpmMirror } from "./npm-registry/snapshot.ts";
import { upstreamHosts } from "./upstream-hosts.ts";

/**
 * Everything outside the SUT: the OpenAI services and the npm registry as msw handlers, behind
 * the fingerprinting edge and the resolver, all listening on unix sockets in `socketDir`.
 */
export class UpstreamWorld {
  readonly journal = new Journal();
  readonly account: MockAccount = createMockAccount();
  readonly devices = new DeviceAuthorizations();
  readonly browsers = new BrowserAuthorizations();
  readonly upstreams = upstreamHosts;
  private edge?: Edge;
  /** The resolver, the log of unserved connections and the CONNECT proxy. */
  private readonly servers: Server[] = [];
  readonly ca: CertificateAuthority;

  private constructor(ca: CertificateAuthority) {
    this.ca = ca;
  }

  /** Without `npmMirror` the registry is empty: every package request is 404 (and journaled). */
  static async start(options: { socketDir: string; profile: EgressProfile; ca?: CertificateAuthority; npmMirror?: NpmMirror }): Promise<UpstreamWorld> {
    const world = new UpstreamWorld(options.ca ?? (await CertificateAuthority.create()));
    const handlersByHost = new Map<string, RequestHandler[]>([
      ["chatgpt.com", chatgptHandlers(world.account)],
      ["auth.openai.com", authHandlers(world.account, world.devices, world.browsers)],
      ["registry.npmjs.org", npmRegistryHandlers(options.npmMirror)],
    ]);
    world.edge = await Edge.start({
      socketDir: options.socketDir,
      ca: world.ca,
      classifier: ClientClassifier.fromDataFile(),
      upstreams: world.upstreams,
      profile: options.profile,
      handlersByHost,
      journal: world.journal,
    });
    world.servers.push(
      await startResolver(join(options.socketDir, DNS_SOCKET_NAME), world.upstreams, world.journal),
      await startUnservedLog(join(options.socketDir, UNSERVED_SOCKET_NAME), world.journal),
      await startConnectProxy(options.socketDir, world.upstreams, world.journal),
    );
    return world;
  }

  /** What an actor (the person at the browser) sends to an upstream. */
  actorFetch(request: Request): Promise<Response> {
    if (!this.edge) throw new Error("upstream world is not started");
    return this.edge.actorFetch(request);
  }

  async close(): Promise<void> {
    await this.edge?.close();
    await Promise.all(this.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}
