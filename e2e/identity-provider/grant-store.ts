import { opaque } from "./opaque";
import type { TestUser } from "./settings";

export type ResponseMode = "query" | "fragment" | "form_post";

/** An /authorize request that passed its checks and waits for the user to pick who they are. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  responseMode: ResponseMode;
  scope: string;
  codeChallenge: string;
  state: string | undefined;
  nonce: string | undefined;
  clientInfo: boolean;
}

export interface CodeGrant {
  request: AuthorizationRequest;
  user: TestUser;
  expiresAt: number;
  redeemed: boolean;
}

export interface RefreshGrant {
  clientId: string;
  user: TestUser;
  /** SPA refresh tokens may only be redeemed by the browser again (a cross-origin request). */
  spa: boolean;
}

const CODE_LIFETIME_MS = 10 * 60_000;

/** The provider's memory: pending sign-ins, codes, refresh tokens and browser sessions. */
export class GrantStore {
  private readonly pendingSignIns = new Map<string, AuthorizationRequest>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly refreshTokens = new Map<string, RefreshGrant>();
  private readonly sessions = new Map<string, TestUser>();

  holdSignIn(request: AuthorizationRequest): string {
    const id = opaque(24);
    this.pendingSignIns.set(id, request);
    return id;
  }

  /** The pending request, once: a sign-in form cannot be posted twice. */
  takeSignIn(id: string): AuthorizationRequest | undefined {
    const request = this.pendingSignIns.get(id);
    this.pendingSignIns.delete(id);
    return request;
  }

  issueCode(request: AuthorizationRequest, user: TestUser): string {
    const code = `1.${opaque(180)}`;
    this.codes.set(code, { request, user, expiresAt: Date.now() + CODE_LIFETIME_MS, redeemed: false });
    return code;
  }

  code(code: string): CodeGrant | undefined {
    return this.codes.get(code);
  }

  issueRefreshToken(grant: RefreshGrant): string {
    const token = `1.${opaque(300)}`;
    this.refreshTokens.set(token, grant);
    return token;
  }

  refreshGrant(token: string): RefreshGrant | undefined {
    return this.refreshTokens.get(token);
  }

  startSession(user: TestUser): string {
    const id = opaque(32);
    this.sessions.set(id, user);
    return id;
  }

  session(id: string | undefined): TestUser | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  endSession(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}
