import { http, HttpResponse } from "msw";

/**
 * registry.npmjs.org as the SUT sees it. v0 serves no packages: every request (OpenClaw's run-time
 * installs of @openclaw/codex, for one) is answered 404 and journaled, so a scenario can see it.
 */
export function npmRegistryHandlers() {
  return [
    http.all("https://registry.npmjs.org/*", ({ request }) =>
      HttpResponse.json({ error: "Not found", note: "the conformance registry serves no packages yet", path: new URL(request.url).pathname }, { status: 404 }),
    ),
  ];
}
