import { getResponse, type RequestHandler } from "msw";
import type { ClientIdentity } from "./client-class.ts";
import { challengeResponse, isChallenged, type EgressProfile } from "./cloudflare-gate.ts";
import { type Journal, redactPath, selectHeaders } from "./journal.ts";

export interface Caller {
  origin: "sut" | "actor";
  identity?: ClientIdentity & { ja4: string };
  address?: string;
}

export interface DispatchContext {
  profile: EgressProfile;
  handlersByHost: ReadonlyMap<string, RequestHandler[]>;
  /** The hosts behind the fingerprinting Cloudflare edge. */
  fingerprintedHosts: ReadonlySet<string>;
  journal: Journal;
}

/**
 * One request through the upstream world: the Cloudflare gate first, then the host's msw
 * handlers, else 404. Every request is journaled with who asked and who answered.
 */
export async function dispatch(context: DispatchContext, host: string, request: Request, caller: Caller): Promise<Response> {
  const clientClass = caller.origin === "actor" ? "actor" : (caller.identity?.clientClass ?? "unknown");
  const url = new URL(request.url);
  const headers = selectHeaders(request.headers);
  let answeredBy = host;
  let response: Response | undefined;
  if (isChallenged(context.profile, context.fingerprintedHosts.has(host), clientClass)) {
    answeredBy = "cloudflare-gate";
    response = challengeResponse();
  } else {
    response = await getResponse(context.handlersByHost.get(host) ?? [], request);
  }
  if (!response) {
    answeredBy = "unmatched";
    response = Response.json({ error: "no mock for this request", host, path: url.pathname }, { status: 404 });
  }
  context.journal.record({
    kind: "http",
    origin: caller.origin,
    host,
    address: caller.address,
    method: request.method,
    path: redactPath(url),
    status: response.status,
    ja4: caller.identity?.ja4,
    clientClass,
    client: caller.identity?.client,
    answeredBy,
    headers,
  });
  return response;
}
