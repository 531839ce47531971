import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { Readable } from "node:stream";
import { http, HttpResponse } from "msw";
import { mergePackuments, type NpmMirror, Packument, packumentFiles, parseRegistryPath, tarballFile } from "./snapshot.ts";

const notFound = (path: string, why: string) => HttpResponse.json({ error: "Not found", why, path }, { status: 404 });

/**
 * registry.npmjs.org as the SUT sees it. With a mirror, it serves the pinned snapshot (OpenClaw's
 * run-time installs of @openclaw/codex, with the real codex binary) and the install closure of the
 * OpenClaw under test (`npm install -g openclaw@latest`); everything else, and
 * everything when a scenario runs with an empty registry, is 404. Every request is journaled
 * by the edge, so a scenario can see what was asked for.
 */
export function npmRegistryHandlers(mirror?: NpmMirror) {
  // Each packument is read and checked once per world, not on every request npm makes.
  const packuments = new Map<string, Packument | undefined>();
  const packumentOf = (name: string): Packument | undefined => {
    if (!mirror) return undefined;
    if (!packuments.has(name)) {
      const found = packumentFiles(mirror, name).filter((file) => existsSync(file)).map((file) => Packument.parse(JSON.parse(readFileSync(file, "utf8"))));
      packuments.set(name, found.length > 0 ? found.reduce(mergePackuments) : undefined);
    }
    return packuments.get(name);
  };
  return [
    http.get("https://registry.npmjs.org/*", ({ request }) => {
      const path = new URL(request.url).pathname;
      if (!mirror) return notFound(path, "this registry serves nothing");
      const parsed = parseRegistryPath(path);
      const packument = parsed && packumentOf(parsed.name);
      if (!parsed || !packument) return notFound(path, "not in the conformance snapshot");
      const [first, file] = parsed.rest;
      if (first === "-" && file) return tarball(tarballFile(mirror, parsed.name, file), path);
      if (first === undefined) return HttpResponse.json(packument);
      // `/<name>/<version or tag>`: one manifest, as npm's `view name@latest` asks.
      const manifest = packument.versions[packument["dist-tags"][first] ?? first];
      return manifest ? HttpResponse.json(manifest) : notFound(path, "no such version in the conformance snapshot");
    }),
    http.all("https://registry.npmjs.org/*", ({ request }) => notFound(new URL(request.url).pathname, "the conformance registry only reads")),
  ];
}

function tarball(file: string, path: string): Response {
  if (!existsSync(file)) return notFound(path, "tarball not in the conformance snapshot");
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { "content-type": "application/octet-stream", "content-length": String(statSync(file).size) } });
}
