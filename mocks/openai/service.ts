import { defineService } from "../upstream-service.ts";
import { createMockAccount, type MockAccount } from "./auth/account.ts";
import { BrowserAuthorizations } from "./auth/browser-authorizations.ts";
import { DeviceAuthorizations } from "./auth/device-authorizations.ts";
import { authHandlers } from "./auth/handlers.ts";
import { TokenIssuer } from "./auth/tokens.ts";
import { chatgptHandlers, chatgptResponsesWebSocket } from "./chatgpt/handlers.ts";
import { platformHandlers, platformResponsesWebSocket } from "./platform/handlers.ts";
import { OPENAI_API_KEY_KIND } from "./platform/refusal.ts";

export interface OpenAiState {
  /** The ChatGPT account the person signs in with; one per world, so nothing is real. */
  account: MockAccount;
  devices: DeviceAuthorizations;
  browsers: BrowserAuthorizations;
  /** The tokens its auth.openai.com issued: the only ones chatgpt.com takes. */
  tokens: TokenIssuer;
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
    const account = createMockAccount();
    const state: OpenAiState = { account, devices: new DeviceAuthorizations(), browsers: new BrowserAuthorizations(), tokens: new TokenIssuer(account) };
    return {
      state,
      handlers: [...chatgptHandlers(account, state.tokens), ...authHandlers(state.tokens, state.devices, state.browsers), ...platformHandlers(apiKeys)],
      webSockets: [chatgptResponsesWebSocket(account, state.tokens), platformResponsesWebSocket(apiKeys)],
    };
  },
});
