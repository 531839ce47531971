import { defineService } from "../upstream-service.ts";
import { npmRegistryHandlers } from "./handlers.ts";

/** registry.npmjs.org: the pinned snapshot, or nothing at all when the world has no mirror. */
export const npmRegistryService = defineService({
  name: "npm registry",
  hosts: [{ host: "registry.npmjs.org", address: "1.2.3.13", port: 443 }],
  start: ({ npmMirror }) => ({ state: undefined, handlers: npmRegistryHandlers(npmMirror) }),
});
