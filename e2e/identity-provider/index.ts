export { startTestIdentityProvider, type TestIdentityProvider } from "./test-identity-provider";
export type { TestIdentityProviderOptions, TestUser } from "./settings";
export { networkClientTrusting } from "./trusting-network-client";
