import type { WebSocket } from "ws";

/**
 * A WebSocket endpoint of an upstream (chatgpt.com's Responses stream). The edge does the
 * upgrade, the Cloudflare gate and the journal; a route says whom it refuses and what it says.
 */
export interface WebSocketRoute {
  host: string;
  path: string;
  /** The HTTP answer instead of the upgrade (401 without credentials, say), or undefined to accept. */
  refuse(request: Request): Response | undefined | Promise<Response | undefined>;
  /** An accepted connection; `note` journals what went over it. */
  serve(socket: WebSocket, request: Request, note: (text: string) => void): void;
}

/** A Response as raw HTTP/1.1 on a socket that asked for an upgrade and will not get one. */
export async function rawHttpResponse(response: Response): Promise<string> {
  const body = await response.text();
  const own = [...response.headers.entries()].filter(([name]) => name !== "content-length" && name !== "connection" && name !== "transfer-encoding");
  const headers = [...own, ["content-length", String(Buffer.byteLength(body))], ["connection", "close"]];
  return `HTTP/1.1 ${response.status} ${response.statusText || "Refused"}\r\n${headers.map(([name, value]) => `${name}: ${value}`).join("\r\n")}\r\n\r\n${body}`;
}
