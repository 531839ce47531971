import type { IncomingMessage } from "node:http";
import { createServer, type Server } from "node:https";
import type { Socket } from "node:net";
import { createSecureContext, type SecureContext, type TLSSocket } from "node:tls";
import { join } from "node:path";
import { createRequest, sendResponse } from "@remix-run/node-fetch-server";
import { calculateJa4, NonTlsError, readTlsClientHello } from "read-tls-client-hello";
import { WebSocketServer } from "ws";
import { type Listening, listenOn } from "../net/listen.ts";
import type { UpstreamHost } from "./upstream-host.ts";
import type { CertificateAuthority } from "./certificate-authority.ts";
import type { ClientClassifier } from "./client-class.ts";
import { challengeResponse, isChallenged } from "./cloudflare-gate.ts";
import { dispatch, type DispatchContext } from "./dispatch.ts";
import { redactPath, selectHeaders } from "./journal.ts";
import { rawHttpResponse, type WebSocketRoute } from "./websocket-route.ts";

export interface EdgeOptions extends DispatchContext {
  /** WebSocket endpoints; an upgrade nothing routes is answered 404. */
  webSockets: WebSocketRoute[];
  /** Folder for the unix sockets the in-namespace relay connects to. */
  socketDir: string;
  ca: CertificateAuthority;
  classifier: ClientClassifier;
  upstreams: UpstreamHost[];
  /** How long a connection may take to complete its TLS handshake (ClientHello included). */
  handshakeTimeoutMs: number;
}

/** The socket that carries one upstream address's connections out of the SUT's namespace. */
export const socketNameFor = (upstream: Pick<UpstreamHost, "address" | "port">) => `tcp-${upstream.address}-${upstream.port}.sock`;

/** A DNS name a certificate can be issued for; anything else in SNI is refused in the handshake. */
const hostname = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9-_]{0,61}[a-z0-9])?(\.[a-z0-9_]([a-z0-9-_]{0,61}[a-z0-9])?)*\.?$/i;

/** The raw connection under a TLS socket: its JA4, and whether its handshake has been accounted for. */
type Fingerprinted = Socket & { tlsClientHello?: { ja4: string }; handshakeSettled?: boolean };

/**
 * The TLS edge in front of the mocks. It sees each connection's untouched ClientHello (the relay
 * carries bytes unchanged), so the JA4 it computes is the SUT client's own; it then terminates
 * TLS with a per-host certificate from the run's CA and dispatches the request.
 *
 * Whatever a client sends, the edge answers as a real server would and goes on: a connection
 * that says nothing or stalls mid-hello is closed at the handshake timeout, an unparseable hello
 * or a bad SNI fails the handshake, a request it cannot read gets 400. Each is journaled. Only a
 * failure of our own (a mock that throws) is a fault.
 */
export class Edge {
  private readonly listening: Listening[] = [];
  private readonly options: EdgeOptions;
  private readonly webSocketServer = new WebSocketServer({ noServer: true });

  private constructor(options: EdgeOptions) {
    this.options = options;
  }

  static async start(options: EdgeOptions): Promise<Edge> {
    const edge = new Edge(options);
    for (const upstream of options.upstreams) {
      edge.listening.push(await listenOn(edge.serverFor(upstream), join(options.socketDir, socketNameFor(upstream))));
    }
    return edge;
  }

  private serverFor(upstream: UpstreamHost): Server {
    const { journal, ca, handshakeTimeoutMs } = this.options;
    const contexts = new Map<string, Promise<SecureContext>>();
    const contextFor = (servername: string) => {
      let context = contexts.get(servername);
      if (!context) {
        context = ca.issue(servername).then(({ certPem, keyPem }) => createSecureContext({ cert: certPem, key: keyPem }));
        contexts.set(servername, context);
      }
      return context;
    };
    const server = createServer({
      handshakeTimeout: handshakeTimeoutMs,
      // A client that sends no SNI is presented with the certificate of the address it dialled.
      SNICallback: (servername, done) => {
        if (servername && !hostname.test(servername)) return done(new Error(`SNI ${JSON.stringify(servername)} is not a host name`));
        contextFor(servername || upstream.host).then((context) => done(null, context), done);
      },
    });
    this.readHelloFirst(server, upstream);
    server.on("request", (req, res) => {
      const socket = req.socket as TLSSocket;
      const ja4 = (socket as { _parent?: Fingerprinted })._parent?.tlsClientHello?.ja4;
      const host = typeof socket.servername === "string" && socket.servername ? socket.servername : upstream.host;
      const identity = ja4 ? { ja4, ...this.options.classifier.classify(ja4) } : undefined;
      let request: Request;
      try {
        request = createRequest(req, res, { host, protocol: "https:" });
      } catch (error) {
        // A request line no URL can be made of (a path such as //x%zz): what a real server says.
        journal.record({ kind: "http", origin: "sut", host, address: upstream.address, method: req.method, path: req.url, status: 400, ja4, note: `unreadable request: ${(error as Error).message}` });
        res.writeHead(400, { connection: "close" }).end("bad request");
        return;
      }
      dispatch(this.options, host, request, { origin: "sut", identity, address: upstream.address })
        .then((response) => sendResponse(res, response))
        .catch((error: unknown) => {
          journal.fault(`the edge answering ${host}${req.url ?? ""}`, error);
          if (!res.headersSent) res.writeHead(500);
          res.end("edge error");
        });
    });
    server.on("secureConnection", (socket: TLSSocket) => {
      const raw = (socket as { _parent?: Fingerprinted })._parent;
      if (raw) raw.handshakeSettled = true;
    });
    server.on("upgrade", (req: IncomingMessage, socket: TLSSocket, head: Buffer) => {
      this.upgrade(upstream, req, socket, head).catch((error: unknown) => {
        journal.fault(`the edge upgrading ${req.url ?? ""} to a WebSocket`, error);
        socket.destroy();
      });
    });
    server.on("tlsClientError", (error, socket) => {
      const raw = (socket as { _parent?: Fingerprinted })._parent;
      if (raw) raw.handshakeSettled = true;
      journal.record({ kind: "tls", origin: "sut", host: (socket as TLSSocket).servername || upstream.host, address: upstream.address, ja4: raw?.tlsClientHello?.ja4, note: `handshake failed: ${error.message}` });
    });
    server.on("clientError", (error: NodeJS.ErrnoException, socket) => {
      // Only the HTTP parser's complaints (HPE_*) are answered; a failed handshake was journaled above.
      if (!error.code?.startsWith("HPE_") || !socket.writable) return void socket.destroy();
      journal.record({ kind: "http", origin: "sut", host: upstream.host, address: upstream.address, status: 400, note: `malformed HTTP: ${error.message}` });
      socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
    });
    return server;
  }

  /**
   * Reads the ClientHello before TLS starts, for its JA4 (read-tls-client-hello's own tracker
   * waits forever on a client that never sends one). A client has `handshakeTimeoutMs` to send
   * it; TLS's own handshake timeout covers the rest of the handshake.
   */
  private readHelloFirst(server: Server, upstream: UpstreamHost): void {
    const { journal, handshakeTimeoutMs } = this.options;
    const startTls = server.listeners("connection")[0] as (socket: Socket) => void;
    server.removeAllListeners("connection");
    server.on("connection", (socket: Fingerprinted) => {
      socket.on("error", () => socket.destroy());
      socket.once("close", () => {
        if (socket.handshakeSettled) return;
        journal.record({ kind: "tls", origin: "sut", host: upstream.host, address: upstream.address, ja4: socket.tlsClientHello?.ja4, note: `the client closed the connection during the handshake (${socket.bytesRead} bytes)` });
      });
      socket.setTimeout(handshakeTimeoutMs, () => {
        socket.handshakeSettled = true;
        journal.record({ kind: "tls", origin: "sut", host: upstream.host, address: upstream.address, note: `no complete ClientHello within ${handshakeTimeoutMs} ms (${socket.bytesRead} bytes); closed` });
        socket.destroy();
      });
      readTlsClientHello(socket).then(
        (hello) => {
          socket.tlsClientHello = { ja4: calculateJa4(hello) };
          socket.setTimeout(0);
          startTls.call(server, socket);
        },
        (error: Error) => {
          if (socket.destroyed) return;
          socket.handshakeSettled = true;
          const what = error instanceof NonTlsError ? "not TLS" : "unreadable ClientHello";
          journal.record({ kind: "tls", origin: "sut", host: upstream.host, address: upstream.address, note: `${what}: ${error.message}; closed` });
          // Over the relay's unix socket a close is all there is; the relay resets the client's TCP side.
          socket.destroy();
        },
      );
    });
  }

  /**
   * A WebSocket upgrade: through the Cloudflare gate like any request (the JA4 is the client's),
   * then to the route for its host and path, which may refuse it. Journaled with the status it
   * got (101 when accepted), then every message the route notes.
   */
  private async upgrade(upstream: UpstreamHost, req: IncomingMessage, socket: TLSSocket, head: Buffer): Promise<void> {
    const { journal, classifier, profile, webSockets, fingerprintedHosts } = this.options;
    const ja4 = (socket as { _parent?: Fingerprinted })._parent?.tlsClientHello?.ja4;
    const identity = ja4 ? { ja4, ...classifier.classify(ja4) } : undefined;
    const host = socket.servername || upstream.host;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    let request: Request;
    try {
      request = new Request(`https://${host}${req.url ?? "/"}`, { headers });
    } catch {
      socket.end(await rawHttpResponse(new Response("bad request", { status: 400 })));
      return;
    }
    const path = new URL(request.url).pathname;
    const route = webSockets.find((candidate) => candidate.host === host && candidate.path === path);
    const challenged = isChallenged(profile, fingerprintedHosts.has(host), identity?.clientClass ?? "unknown");
    const refusal = challenged ? challengeResponse() : !route ? new Response("no mock for this WebSocket", { status: 404 }) : await route.refuse(request);
    const entry = { kind: "websocket" as const, origin: "sut" as const, host, address: upstream.address, method: "GET", path: redactPath(new URL(request.url)), ja4, clientClass: identity?.clientClass ?? "unknown", client: identity?.client, headers: selectHeaders(request.headers) };
    if (refusal) {
      journal.record({ ...entry, status: refusal.status, answeredBy: challenged ? "cloudflare-gate" : route ? host : "unmatched" });
      socket.end(await rawHttpResponse(refusal));
      return;
    }
    journal.record({ ...entry, status: 101, answeredBy: host });
    this.webSocketServer.handleUpgrade(req, socket, head, (webSocket) => {
      route!.serve(webSocket, request, (note) => journal.record({ ...entry, status: 101, answeredBy: host, note }));
    });
  }

  /** A request made by one of the harness's actors (the person at the browser): same mocks, journaled as actor. */
  actorFetch(request: Request): Promise<Response> {
    return dispatch(this.options, new URL(request.url).hostname, request, { origin: "actor" });
  }

  async close(): Promise<void> {
    for (const client of this.webSocketServer.clients) client.terminate();
    await Promise.all(this.listening.map((listening) => listening.close()));
  }
}
