import { createServer, type Server } from "node:https";
import { createSecureContext, type SecureContext, type TLSSocket } from "node:tls";
import { join } from "node:path";
import { createRequest, sendResponse } from "@remix-run/node-fetch-server";
import { trackClientHellos } from "read-tls-client-hello";
import type { UpstreamHost } from "../upstream-hosts.ts";
import type { CertificateAuthority } from "./certificate-authority.ts";
import type { ClientClassifier } from "./client-class.ts";
import { dispatch, type DispatchContext } from "./dispatch.ts";

export interface EdgeOptions extends DispatchContext {
  /** Folder for the unix sockets the in-namespace relay connects to. */
  socketDir: string;
  ca: CertificateAuthority;
  classifier: ClientClassifier;
  upstreams: UpstreamHost[];
}

/** The socket that carries one upstream address's connections out of the SUT's namespace. */
export const socketNameFor = (upstream: Pick<UpstreamHost, "address" | "port">) => `tcp-${upstream.address}-${upstream.port}.sock`;

/**
 * The TLS edge in front of the mocks. It sees each connection's untouched ClientHello (the relay
 * carries bytes unchanged), so the JA4 it computes is the SUT client's own; it then terminates
 * TLS with a per-host certificate from the run's CA and dispatches the request.
 */
export class Edge {
  private readonly servers: Server[] = [];
  private readonly options: EdgeOptions;

  private constructor(options: EdgeOptions) {
    this.options = options;
  }

  static async start(options: EdgeOptions): Promise<Edge> {
    const edge = new Edge(options);
    const contexts = new Map<string, Promise<SecureContext>>();
    const contextFor = (servername: string) => {
      let context = contexts.get(servername);
      if (!context) {
        context = options.ca.issue(servername).then(({ certPem, keyPem }) => createSecureContext({ cert: certPem, key: keyPem }));
        contexts.set(servername, context);
      }
      return context;
    };
    for (const upstream of options.upstreams) {
      const server = createServer({
        // A client that sends no SNI is presented with the certificate of the address it dialled.
        SNICallback: (servername, done) => contextFor(servername || upstream.host).then((context) => done(null, context), done),
      });
      trackClientHellos(server);
      server.on("request", (req, res) => {
        const socket = req.socket as TLSSocket;
        const hello = socket.tlsClientHello;
        const host = typeof socket.servername === "string" && socket.servername ? socket.servername : upstream.host;
        const identity = hello ? { ja4: hello.ja4, ...options.classifier.classify(hello.ja4) } : undefined;
        const request = createRequest(req, res, { host, protocol: "https:" });
        dispatch(options, host, request, { origin: "sut", identity, address: upstream.address })
          .then((response) => sendResponse(res, response))
          .catch((error: unknown) => {
            res.statusCode = 500;
            res.end(`edge error: ${(error as Error).message}`);
          });
      });
      server.on("tlsClientError", (error, socket) => {
        options.journal.record({
          kind: "tls",
          origin: "sut",
          host: (socket as TLSSocket).servername || upstream.host,
          address: upstream.address,
          note: `handshake failed: ${error.message}`,
        });
      });
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(join(options.socketDir, socketNameFor(upstream)), resolve);
      });
      edge.servers.push(server);
    }
    return edge;
  }

  /** A request made by one of the harness's actors (the person at the browser): same mocks, journaled as actor. */
  actorFetch(request: Request): Promise<Response> {
    return dispatch(this.options, new URL(request.url).hostname, request, { origin: "actor" });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      ),
    );
  }
}
