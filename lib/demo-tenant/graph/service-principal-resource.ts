import "server-only";
import { createHash } from "node:crypto";
import type { ServicePrincipal } from "../model";
import { APPLICATION_TEMPLATES, MICROSOFT_TENANT_ID } from "../seed/fixtures";
import { FILTER_OPERATORS } from "./graph-filters";
import {
  SERVICE_PRINCIPAL_PROPERTIES,
  type PropertyReaders,
  type ServedServicePrincipal,
} from "./graph-properties";
import { withIdFilters, type ResourceSpec } from "./resources";

// Graph's servicePrincipal, every structural property of v1.0 and beta. Gallery apps sign SAML
// tokens with a certificate Entra made when the app was added; first-party apps are Microsoft's.

const YEAR_MS = 365 * 86_400_000;
const firstParty = (sp: ServicePrincipal) => sp.appOwnerOrganizationId === MICROSOFT_TENANT_ID;
const gallery = (sp: ServicePrincipal) =>
  sp.applicationTemplateId !== null &&
  sp.applicationTemplateId !== APPLICATION_TEMPLATES.nonGallery &&
  sp.applicationTemplateId !== APPLICATION_TEMPLATES.cloudSync;

/** The SAML signing certificate of a gallery app: its thumbprint, key id and validity, fixed per app. */
function signingCertificate(sp: ServicePrincipal) {
  const digest = createHash("sha1").update(`saml-signing:${sp.id}`).digest();
  const hex = digest.toString("hex").toUpperCase();
  const keyId = digest.toString("hex");
  const start = Date.parse(sp.addedDateTime);
  return {
    thumbprint: hex,
    keyId: `${keyId.slice(0, 8)}-${keyId.slice(8, 12)}-4${keyId.slice(13, 16)}-8${keyId.slice(17, 20)}-${keyId.slice(20, 32)}`,
    customKeyIdentifier: digest.toString("base64"),
    startDateTime: new Date(start).toISOString().replace(".000Z", "Z"),
    endDateTime: new Date(start + 3 * YEAR_MS).toISOString().replace(".000Z", "Z"),
  };
}

const readers: PropertyReaders<ServicePrincipal, ServedServicePrincipal> = {
  id: (sp) => sp.id,
  deletedDateTime: () => null,
  accountEnabled: (sp) => sp.accountEnabled,
  addIns: () => [],
  alternativeNames: () => [],
  appDescription: () => null,
  appDisplayName: (sp) => sp.appDisplayName,
  appId: (sp) => sp.appId,
  applicationTemplateId: (sp) => sp.applicationTemplateId,
  appOwnerOrganizationId: (sp) => sp.appOwnerOrganizationId,
  appRoleAssignmentRequired: (sp) => sp.appRoleAssignmentRequired,
  appRoles: (sp) =>
    sp.appRoles.map((role) => ({ ...role, allowedMemberTypes: [...role.allowedMemberTypes] })),
  customSecurityAttributes: () => null,
  description: () => null,
  disabledByMicrosoftStatus: () => null,
  displayName: (sp) => sp.displayName,
  errorUrl: () => null,
  // Entra gives a non-gallery app this sign-in page; others have none unless someone sets one.
  homepage: (sp) =>
    sp.applicationTemplateId === APPLICATION_TEMPLATES.nonGallery
      ? "https://account.activedirectory.windowsazure.com:444/applications/default.aspx?metadata=customappsso|ISV9.1|primary|z"
      : null,
  info: () => ({
    logoUrl: null,
    marketingUrl: null,
    privacyStatementUrl: null,
    supportUrl: null,
    termsOfServiceUrl: null,
  }),
  keyCredentials: (sp) => {
    if (!gallery(sp)) return [];
    const certificate = signingCertificate(sp);
    return (["Sign", "Verify"] as const).map((usage) => ({
      customKeyIdentifier: certificate.customKeyIdentifier,
      displayName: "CN=Microsoft Azure Federated SSO Certificate",
      endDateTime: certificate.endDateTime,
      key: null,
      keyId: certificate.keyId,
      startDateTime: certificate.startDateTime,
      type: "AsymmetricX509Cert",
      usage,
    }));
  },
  loginUrl: () => null,
  logoutUrl: () => null,
  notes: () => null,
  notificationEmailAddresses: (sp) => (gallery(sp) ? ["admin@contoso.com"] : []),
  oauth2PermissionScopes: () => [],
  passwordCredentials: () => [],
  passwordSingleSignOnSettings: () => null,
  preferredSingleSignOnMode: (sp) => (gallery(sp) ? "saml" : null),
  preferredTokenSigningKeyEndDateTime: (sp) => (gallery(sp) ? signingCertificate(sp).endDateTime : null),
  preferredTokenSigningKeyThumbprint: (sp) => (gallery(sp) ? signingCertificate(sp).thumbprint : null),
  publishedPermissionScopes: () => [],
  publisherName: (sp) => (firstParty(sp) ? "Microsoft Services" : "Contoso"),
  replyUrls: () => [],
  resourceSpecificApplicationPermissions: () => [],
  samlMetadataUrl: () => null,
  samlSingleSignOnSettings: () => null,
  servicePrincipalNames: (sp) => [sp.appId],
  servicePrincipalType: (sp) => sp.servicePrincipalType,
  signInAudience: (sp) => (firstParty(sp) ? "AzureADMultipleOrgs" : "AzureADMyOrg"),
  tags: (sp) => [...sp.tags],
  tokenEncryptionKeyId: () => null,
  verifiedPublisher: () => ({ addedDateTime: null, displayName: null, verifiedPublisherId: null }),
};

const defaults = (properties: readonly string[]) =>
  properties.filter((p) => p !== "customSecurityAttributes");

export const servicePrincipalResource: ResourceSpec<ServicePrincipal> = {
  typeName: "ServicePrincipal",
  odataType: "microsoft.graph.servicePrincipal",
  properties: readers,
  versions: {
    "v1.0": {
      properties: SERVICE_PRINCIPAL_PROPERTIES["v1.0"],
      defaults: defaults(SERVICE_PRINCIPAL_PROPERTIES["v1.0"]),
    },
    beta: {
      properties: SERVICE_PRINCIPAL_PROPERTIES.beta,
      defaults: defaults(SERVICE_PRINCIPAL_PROPERTIES.beta),
    },
  },
  filters: withIdFilters(FILTER_OPERATORS.servicePrincipal),
  searchable: ["displayName", "appDisplayName", "description"],
  orderable: ["displayName"],
};
