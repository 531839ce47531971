import { defineService } from "../upstream-service.ts";
import { ANTHROPIC_API_KEY_KIND, ANTHROPIC_SETUP_TOKEN_KIND, anthropicHandlers } from "./handlers.ts";

/** Anthropic: api.anthropic.com, for an API key from the Console or a setup token of a Claude subscription. */
export const anthropicService = defineService({
  name: "anthropic",
  hosts: [{ host: "api.anthropic.com", address: "1.2.3.20", port: 443 }],
  apiKeys: [
    { name: ANTHROPIC_API_KEY_KIND, prefix: "sk-ant-api03-" },
    // As long as the tokens `claude setup-token` prints; OpenClaw refuses a short one ("Token looks too short").
    { name: ANTHROPIC_SETUP_TOKEN_KIND, prefix: "sk-ant-oat01-", length: 95 },
  ],
  start: ({ apiKeys }) => ({ state: undefined, handlers: anthropicHandlers(apiKeys) }),
});
