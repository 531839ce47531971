import { randomUUID } from "node:crypto";

/** The ChatGPT account the mocks pretend the user owns; one per run, so nothing is real. */
export interface MockAccount {
  accountId: string;
  userId: string;
  email: string;
  planType: "plus" | "pro" | "free";
}

export function createMockAccount(): MockAccount {
  return {
    accountId: randomUUID(),
    userId: `user-${randomUUID().slice(0, 8)}`,
    email: "conformance-user@example.test",
    planType: "plus",
  };
}
