import { defineService } from "../upstream-service.ts";
import { createMockAccount, type MockAccount } from "./auth/account.ts";
import { BrowserAuthorizations } from "./auth/browser-authorizations.ts";
import { DeviceAuthorizations } from "./auth/device-authorizations.ts";
import { authHandlers } from "./auth/handlers.ts";
import { chatgptHandlers, chatgptResponsesWebSocket } from "./chatgpt/handlers.ts";
import { platformHandlers, platformResponsesWebSocket } from "./platform/handlers.ts";
import { OPENAI_API_KEY_KIND } from "./platform/refusal.ts";

export interface OpenAiState {
  /** The ChatGPT account the person signs in with; one per world, so nothing is real. */
  account: MockAccount;
  devices: DeviceAuthorizations;
  browsers: BrowserAuthorizations;
}

/**
 * OpenAI: chatgpt.com (behind Cloudflare's fingerprinting edge), auth.openai.com (sign-in) and
 * api.openai.com (the Platform, for API keys). One account is shared by sign-in and chatgpt.com.
 */
export const openaiService = defineService<OpenAiState>({
  name: "openai",
  hosts: [
    { host: "chatgpt.com", address: "1.2.3.10", port: 443, fingerprinted: true },
    { host: "auth.openai.com", address: "1.2.3.11", port: 443 },
    { host: "api.openai.com", address: "1.2.3.12", port: 443 },
  ],
  apiKeys: [{ name: OPENAI_API_KEY_KIND, prefix: "sk-proj-" }],
  start({ apiKeys }) {
    const state: OpenAiState = { account: createMockAccount(), devices: new DeviceAuthorizations(), browsers: new BrowserAuthorizations() };
    return {
      state,
      handlers: [...chatgptHandlers(state.account), ...authHandlers(state.account, state.devices, state.browsers), ...platformHandlers(apiKeys)],
      webSockets: [chatgptResponsesWebSocket, platformResponsesWebSocket(apiKeys)],
    };
  },
});
