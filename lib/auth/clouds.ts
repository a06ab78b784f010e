import "server-only";

export type EntraCloud = "global" | "usgov" | "china";

export interface CloudEndpoints {
  /** Where users sign in and tokens are issued, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** Microsoft Graph's origin in that cloud; also the resource Graph tokens are issued for. */
  graphEndpoint: string;
}

const endpointsByCloud: Record<EntraCloud, CloudEndpoints> = {
  global: {
    authorityHost: "https://login.microsoftonline.com",
    graphEndpoint: "https://graph.microsoft.com",
  },
  usgov: { authorityHost: "https://login.microsoftonline.us", graphEndpoint: "https://graph.microsoft.us" },
  china: {
    authorityHost: "https://login.chinacloudapi.cn",
    graphEndpoint: "https://microsoftgraph.chinacloudapi.cn",
  },
};

export function cloudEndpoints(cloud: EntraCloud): CloudEndpoints {
  return endpointsByCloud[cloud];
}

/** Graph's origin for this console: the chosen cloud's, unless GRAPH_ENDPOINT overrides it. */
export function graphEndpointOf(settings: { ENTRA_CLOUD: EntraCloud; GRAPH_ENDPOINT?: string }): string {
  return (settings.GRAPH_ENDPOINT ?? cloudEndpoints(settings.ENTRA_CLOUD).graphEndpoint).replace(/\/+$/, "");
}
