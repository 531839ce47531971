import { randomBytes } from "node:crypto";
import { s256Challenge } from "./pkce.ts";

/** Where the device-code grant's authorization code is redeemed: the only redirect URI it is bound to. */
export const DEVICE_AUTH_REDIRECT_URI = "https://auth.openai.com/deviceauth/callback";

interface DeviceAuthorization {
  clientId: string;
  deviceAuthId: string;
  userCode: string;
  approved: boolean;
  authorizationCode: string;
  codeVerifier: string;
}

function userCode(): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const pick = () => alphabet[randomBytes(1)[0]! % alphabet.length];
  return `${Array.from({ length: 4 }, pick).join("")}-${Array.from({ length: 5 }, pick).join("")}`;
}

/**
 * The device-code grant's state on the auth server. Nothing is approved automatically: the
 * device-code user actor must enter the code, as a person would at auth.openai.com/codex/device.
 */
export class DeviceAuthorizations {
  private readonly byId = new Map<string, DeviceAuthorization>();
  private readonly codes = new Map<string, DeviceAuthorization>();

  start(clientId: string): DeviceAuthorization {
    const authorization: DeviceAuthorization = {
      clientId,
      deviceAuthId: `deviceauth_${randomBytes(12).toString("hex")}`,
      userCode: userCode(),
      approved: false,
      authorizationCode: `ac_${randomBytes(16).toString("base64url")}`,
      codeVerifier: randomBytes(32).toString("base64url"),
    };
    this.byId.set(authorization.deviceAuthId, authorization);
    return authorization;
  }

  /** What the person does at the verification page. False for a code nobody asked for. */
  approve(code: string): boolean {
    const match = [...this.byId.values()].find((entry) => entry.userCode === code.trim().toUpperCase());
    if (!match) return false;
    match.approved = true;
    this.codes.set(match.authorizationCode, match);
    return true;
  }

  /**
   * The device's poll: undefined while the person has not approved. The grant carries the PKCE
   * pair the server made for the device (the codex CLI requires the challenge in the answer).
   */
  poll(deviceAuthId: string, code: string): { authorizationCode: string; codeVerifier: string; codeChallenge: string } | undefined {
    const entry = this.byId.get(deviceAuthId);
    if (!entry || entry.userCode !== code || !entry.approved) return undefined;
    return { authorizationCode: entry.authorizationCode, codeVerifier: entry.codeVerifier, codeChallenge: s256Challenge(entry.codeVerifier) };
  }

  /** An authorization code can be exchanged once, only with its own verifier, by the client that asked, at the device callback. */
  redeem(authorizationCode: string, codeVerifier: string, clientId: string, redirectUri: string): boolean {
    const entry = this.codes.get(authorizationCode);
    if (!entry) return false;
    this.codes.delete(authorizationCode);
    return entry.codeVerifier === codeVerifier && entry.clientId === clientId && redirectUri === DEVICE_AUTH_REDIRECT_URI;
  }
}
