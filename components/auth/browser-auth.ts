/** What the browser needs to sign in to Entra mode. All of it is public: no secret ever goes here. */
export interface BrowserAuthConfig {
  /** The console's application (client) id. */
  clientId: string;
  /** `{authority host}/{tenant id}` */
  authority: string;
  /** The authority's host[:port], trusted by MSAL without instance discovery. */
  knownAuthority: string;
  /** The console API scope every /api token is requested for, e.g. `api://{client id}/access_as_user`. */
  apiScope: string;
}
