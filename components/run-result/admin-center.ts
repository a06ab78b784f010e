/** The Entra admin center of the cloud whose Graph the console calls. */
export function adminCenterOrigin(graphEndpoint: string): string {
  let host = "";
  try {
    host = new URL(graphEndpoint).host.toLowerCase();
  } catch {
    // not a URL: the global cloud
  }
  if (host.endsWith(".microsoft.us")) return "https://entra.microsoft.us";
  if (host.endsWith(".chinacloudapi.cn")) return "https://entra.microsoftonline.cn";
  return "https://entra.microsoft.com";
}

/** The application's "Users and groups" page; without its appId, the list of enterprise applications. */
export function usersAndGroupsHref(
  graphEndpoint: string,
  servicePrincipalId: string,
  appId: string | null,
): string {
  const origin = adminCenterOrigin(graphEndpoint);
  if (!appId) return `${origin}/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AppAppsPreview`;
  const sp = encodeURIComponent(servicePrincipalId);
  return `${origin}/#view/Microsoft_AAD_IAM/ManagedAppMenuBlade/~/Users/objectId/${sp}/appId/${encodeURIComponent(appId)}`;
}
