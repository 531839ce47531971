/**
 * The models a ChatGPT (Plus) account may use with Codex on chatgpt.com: those the docs of both
 * versions name for the Codex subscription. Any other is refused as the real backend refuses it.
 */
export const CHATGPT_CODEX_MODELS = ["gpt-5.5", "gpt-5.4-mini", "gpt-5.6", "gpt-6-astra", "gpt-6-sol"];

/** chatgpt.com's refusal of a model the account cannot use with Codex (400, its `detail` body). */
export const unsupportedModelDetail = (model: string) => `The '${model}' model is not supported when using Codex with a ChatGPT account.`;
