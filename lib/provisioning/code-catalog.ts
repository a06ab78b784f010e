export type CodeSeverity = "info" | "warning" | "error";

export interface CodeEntry {
  /** The spelling shown to users; `aliases` are other spellings of the same condition. */
  code: string;
  aliases?: readonly string[];
  title: string;
  meaning: string;
  action: string;
  severity: CodeSeverity;
}

const RETRIED_LATER =
  "Nothing to do right away: the provisioning service tries again in its next cycle (about 40 minutes). Run on demand again later if you need it sooner.";

/** Error codes and skip reasons of Entra provisioning, in the order an admin meets them. */
export const CODE_CATALOG: readonly CodeEntry[] = [
  // Skip reasons
  {
    code: "RedundantExport",
    title: "Already in sync",
    meaning:
      "The object in the target already has every value the mappings would write, so nothing was sent.",
    action:
      "Nothing to do. If you expected a change, check that the source attribute really changed and that it is mapped.",
    severity: "info",
  },
  {
    code: "NotEffectivelyEntitled",
    title: "Not in scope for this application",
    meaning:
      "The object is not counted as assigned to the application: the assignment record may be broken, the account may be disabled, or it only has the default access role.",
    action:
      "Read the scoping step: it says whether the account is active, assigned and inside the scoping filters. Only when all of them hold is the assignment record itself suspect; removing and re-adding that assignment often repairs it.",
    severity: "warning",
  },
  {
    code: "EntrySynchronizationSkipped",
    title: "Skipped: no action needed",
    meaning:
      "The object was read from the source, but the service decided not to act on it: it is out of scope or already matches the target.",
    action:
      "Look at the scoping step to see which check the object did not pass. If it is in scope, nothing needs doing.",
    severity: "info",
  },
  {
    code: "ImportSkipped",
    title: "Skipped at import: no matching value",
    meaning:
      "The source object has no value in the attribute used to match it with the target, so it could not be evaluated.",
    action:
      "Fill in the matching attribute on the source object, or choose a different matching attribute in the mappings.",
    severity: "warning",
  },
  {
    code: "AttributeValidationFailed",
    title: "A required attribute is missing or invalid",
    meaning:
      "A value the target needs (for example the family name) was empty or not acceptable, so the object was not written. The step details usually name the property.",
    action:
      "Fill in the named attribute on the source object, or change its mapping (for example give it a default value).",
    severity: "error",
  },
  // Matching and data problems
  {
    code: "DuplicateTargetEntries",
    title: "More than one match in the target",
    meaning:
      "The matching attribute found several objects in the target application, so the service cannot tell which one is this user.",
    action: "Remove or fix the duplicate in the target, or match on an attribute that is unique there.",
    severity: "error",
  },
  {
    code: "DuplicateSourceEntries",
    title: "More than one match in the source",
    meaning:
      "Several source objects share the value used for matching, so the service cannot tell which one to provision.",
    action: "Make the matching attribute unique in the source, or match on a different attribute.",
    severity: "error",
  },
  {
    code: "Conflict",
    aliases: ["EntryConflict"],
    title: "Conflicting values",
    meaning:
      "A value being written clashes with one that already exists in the target, typically a unique attribute held by another account.",
    action:
      "Correct the clashing value in the source or the target. If the existing account should be taken over, fix the matching attribute so the two are matched.",
    severity: "error",
  },
  {
    code: "MandatoryFieldsMissing",
    aliases: ["MissingValues"],
    title: "Required values are missing",
    meaning: "The target requires attributes that had no value for this object.",
    action:
      "Fill in the attributes on the source object, or map them from another attribute or a default value.",
    severity: "error",
  },
  {
    code: "SchemaAttributeNotFound",
    title: "Mapped attribute does not exist in the target",
    meaning: "An attribute mapping writes to an attribute the target application does not know.",
    action:
      "Open the attribute mappings and remove or correct the mapping that targets the unknown attribute.",
    severity: "error",
  },
  {
    code: "SchemaPropertyCanOnlyAcceptValue",
    title: "Several values for a single-valued attribute",
    meaning: "A multi-valued source attribute is mapped to a target attribute that holds only one value.",
    action: "Map a single value (for example with an expression that picks one item) or remove the mapping.",
    severity: "error",
  },
  {
    code: "InvalidDomain",
    title: "Domain not accepted by the target",
    meaning: "A value such as an email or user name uses a domain the target application does not accept.",
    action: "Use a verified domain in the source value, or allow the domain in the target application.",
    severity: "error",
  },
  {
    code: "InvalidAnchor",
    title: "Previously linked object is gone",
    meaning:
      "The object created or matched earlier no longer exists in the target, so the stored link points nowhere.",
    action:
      "Make sure the object exists in the target, then restart the provisioning job to clear its state so it matches again.",
    severity: "error",
  },
  {
    code: "InvalidAttributeSyntax",
    title: "Value rejected by Active Directory",
    meaning:
      "Active Directory refused a value, most often an empty string sent for an attribute that cannot be empty.",
    action:
      "Change the mapping so empty values are not sent, for example with IgnoreFlowIfNullOrEmpty() or a default.",
    severity: "error",
  },
  {
    code: "LicenseLimitExceeded",
    title: "No licence left in the target",
    meaning: "The target application has no free licence for a new account.",
    action: "Buy more licences in the application, or assign fewer users to it.",
    severity: "error",
  },
  // Target application answers
  {
    code: "InsufficientRights",
    aliases: ["MethodNotAllowed", "NotPermitted", "Unauthorized"],
    title: "Not allowed by the target",
    meaning:
      "The target accepted the credentials but refused the operation: the account or token used for provisioning lacks permission.",
    action: "Check the permissions of the admin credentials against the application's provisioning tutorial.",
    severity: "error",
  },
  {
    code: "UnprocessableEntity",
    title: "Target could not process the request",
    meaning:
      "The target answered in an unexpected way, usually because of its configuration or an issue on its side.",
    action:
      "Check the application's configuration and the values being sent; contact the vendor if it persists.",
    severity: "error",
  },
  {
    code: "NotImplemented",
    title: "Operation not supported by the target",
    meaning: "The target application does not support an operation the provisioning service needed.",
    action:
      "Compare the configuration with the application's provisioning tutorial; contact the vendor if needed.",
    severity: "error",
  },
  {
    code: "TooManyRequests",
    title: "Target is throttling requests",
    meaning:
      "The target application is receiving more requests than it accepts and asked the service to slow down.",
    action: RETRIED_LATER,
    severity: "warning",
  },
  {
    code: "InternalServerError",
    title: "Target application error",
    meaning: "The target application hit an unexpected error while handling the request.",
    action: RETRIED_LATER,
    severity: "warning",
  },
  {
    code: "WebExceptionProtocolError",
    title: "HTTP error talking to the target",
    meaning: "An HTTP protocol error occurred while talking to the target application.",
    action: RETRIED_LATER,
    severity: "warning",
  },
  {
    code: "Timeout",
    title: "Timed out",
    meaning: "The target application or the Cloud Sync agent took too long to answer.",
    action:
      "Run on demand again. For Cloud Sync, check that the agent is running and can reach the domain controller.",
    severity: "warning",
  },
  {
    code: "InternalError",
    title: "Provisioning service error",
    meaning: "The Entra provisioning service itself hit an internal error.",
    action: RETRIED_LATER,
    severity: "warning",
  },
  // SCIM endpoints
  {
    code: "SystemForCrossDomainIdentityManagementBadResponse",
    title: "SCIM endpoint rejected the request",
    meaning:
      "The application's SCIM endpoint answered with an error, for example because a value is too long or breaks one of its rules.",
    action:
      "Read the reason for the endpoint's message, then fix the value in the source or adjust the mapping (for example shorten it with Mid()).",
    severity: "error",
  },
  {
    code: "SystemForCrossDomainIdentityManagementInvalidCredentials",
    title: "SCIM credentials rejected",
    meaning:
      "The tenant URL or secret token for the application is wrong or expired. The job is usually quarantined until this is fixed.",
    action:
      "Correct the tenant URL and secret token under Admin credentials, test the connection, then restart the job.",
    severity: "error",
  },
  {
    code: "SystemForCrossDomainIdentityManagementCredentialValidationFailure",
    title: "The app refused the credentials",
    meaning:
      "The application refused the tenant URL or secret token when the provisioning service tried them, usually because the token expired or was revoked. A job in this state is quarantined.",
    action:
      "Get a new secret token from the application (its admin page or its support), save it with Update the secret token, test the connection again, then restart the job to clear the quarantine.",
    severity: "error",
  },
  {
    code: "SystemForCrossDomainIdentityManagementCredentialValidationUnavailable",
    title: "The app could not be asked about the credentials",
    meaning:
      "The provisioning service could not get an answer about the credentials from the application: the tenant URL is wrong, or the application is down or unreachable from the internet.",
    action:
      "Check the tenant URL and that the application's SCIM endpoint is up and reachable, then test the connection again.",
    severity: "error",
  },
  {
    code: "SystemForCrossDomainIdentityManagementServiceIncompatible",
    title: "SCIM answer not understood",
    meaning:
      "The SCIM endpoint's answer could not be parsed; the endpoint does not behave the way the Entra SCIM client expects.",
    action: "Make the endpoint follow the Entra SCIM requirements (check it with the SCIM validator).",
    severity: "error",
  },
  {
    code: "SystemForCrossDomainIdentityManagementMultipleEntriesInResponse",
    title: "SCIM endpoint returned too many objects",
    meaning:
      "A lookup that should return one object returned several, for example a group returned together with its members although members were excluded.",
    action: "Fix the SCIM endpoint so filtered lookups and excludedAttributes are honoured.",
    severity: "error",
  },
  // Cloud Sync agent and Active Directory
  {
    code: "HybridSynchronizationActiveDirectoryInsufficientAccessRights",
    title: "Sync account cannot write to Active Directory",
    meaning:
      "The service account the Cloud Sync agent uses lacks rights on the object: inheritance may be off on its OU, or the user is protected by AdminSDHolder.",
    action:
      "Turn on permission inheritance for the object, adjust AdminSDHolder for protected users, or grant the account the rights it needs.",
    severity: "error",
  },
  {
    code: "HybridSynchronizationActiveDirectoryInternalServerError",
    title: "Cloud Sync agent could not process the request",
    meaning: "The agent failed to turn the request into an Active Directory operation.",
    action: "Read the details of the answer; if it repeats, open a support case.",
    severity: "error",
  },
  {
    code: "HybridIdentityServiceNoAgentsAssigned",
    title: "No Cloud Sync agent for this domain",
    meaning: "No provisioning agent is assigned to the Active Directory domain of this configuration.",
    action: "Install or re-register a provisioning agent for the domain.",
    severity: "error",
  },
  {
    code: "HybridIdentityServiceNoActiveAgents",
    title: "No Cloud Sync agent is listening",
    meaning:
      "Agents are registered but none answered: the agent service may be stopped or its outbound connection blocked.",
    action:
      "Start the provisioning agent service and make sure it can reach Azure Service Bus through the firewall or proxy.",
    severity: "error",
  },
  {
    code: "HybridIdentityServiceInvalidResource",
    title: "Cloud Sync resource missing",
    meaning: "The request did not name a valid agent resource.",
    action: "Re-register the agent and restart the configuration.",
    severity: "error",
  },
  {
    code: "HybridIdentityServiceAgentSignalingError",
    title: "Could not reach the Cloud Sync agent",
    meaning: "The service could not signal the agent through Azure Service Bus.",
    action: "Try again. If it persists, open a support case with the job id.",
    severity: "warning",
  },
  {
    code: "AzureDirectoryServiceServerBusy",
    title: "Entra ID is busy",
    meaning: "Microsoft Entra ID was too busy to take the change.",
    action: "Nothing to do: the service retries on its own. Open a support case if it lasts more than a day.",
    severity: "warning",
  },
  {
    code: "AzureActiveDirectoryInvalidCredential",
    title: "Cloud Sync service account missing",
    meaning: "The account Cloud Sync uses to sign in to Entra ID no longer exists.",
    action: "Repair the account with the AADCloudSyncTools module (Repair-AADCloudSyncToolsAccount).",
    severity: "error",
  },
  {
    code: "AzureActiveDirectoryExpiredCredentials",
    title: "Cloud Sync credentials expired",
    meaning: "The password of the account Cloud Sync uses to sign in to Entra ID has expired.",
    action: "Repair the account with the AADCloudSyncTools module (Repair-AADCloudSyncToolsAccount).",
    severity: "error",
  },
  {
    code: "AzureActiveDirectoryAuthenticationFailed",
    title: "Cloud Sync sign-in failed",
    meaning: "Signing in to Entra ID failed for a reason the service could not name.",
    action: "Open a support case and include the job id.",
    severity: "error",
  },
  // Cross-tenant synchronization
  {
    code: "AzureActiveDirectoryCannotUpdateObjectsOriginatedInExternalService",
    title: "Attribute owned by another service",
    meaning:
      "The target tenant keeps this attribute (such as mail) under another service's authority, so synchronization cannot change it.",
    action:
      "Usually nothing: the service retries without that attribute. Otherwise change the value in the target tenant.",
    severity: "warning",
  },
  {
    code: "AzureActiveDirectoryCannotUpdateObjectsMasteredOnPremises",
    aliases: ["CannotUpdateObjectsMasteredOnPremises"],
    title: "Target user is managed on-premises",
    meaning:
      "The user in the target tenant is synchronized from on-premises Active Directory and cannot be changed by cross-tenant synchronization.",
    action: "Change the user in the target's on-premises directory, or leave it out of scope.",
    severity: "error",
  },
  {
    code: "AzureDirectoryB2BManagementPolicyCheckFailure",
    title: "Automatic invitation redemption not allowed",
    meaning: "Cross-tenant synchronization needs automatic redemption of invitations, which is not enabled.",
    action: "Enable automatic redemption in the cross-tenant access settings of both tenants.",
    severity: "error",
  },
  {
    code: "AzureActiveDirectoryQuotaLimitExceeded",
    aliases: ["QuotaLimitExceeded"],
    title: "Directory quota reached",
    meaning: "The target directory has reached the number of objects it may hold.",
    action: "Ask Microsoft for a higher directory quota, or remove objects you no longer need.",
    severity: "error",
  },
  {
    code: "AzureActiveDirectoryForbidden",
    aliases: ["Forbidden"],
    title: "Blocked by external collaboration settings",
    meaning: "The target tenant's external collaboration settings do not allow this user to be invited.",
    action: "Allow the invitation in the target tenant's external collaboration settings.",
    severity: "error",
  },
  {
    code: "InvitationCreationFailure",
    title: "Invitation could not be created",
    meaning: "Creating the B2B invitation for the user failed.",
    action: "Try again; if it keeps failing, open a support case.",
    severity: "error",
  },
  {
    code: "InvitationCreationFailureInvalidPropertyValue",
    title: "Invitation has an invalid value",
    meaning:
      "The invitation was refused because of a value: a malformed email address, a userType other than Member or Guest, or a mail address that belongs to a group.",
    action: "Correct the user's mail address or the userType mapping.",
    severity: "error",
  },
  {
    code: "InvitationCreationFailureAmbiguousUser",
    title: "Invited user clashes with an internal user",
    meaning: "One of the user's addresses matches an internal user in the target tenant.",
    action: "Remove the clashing internal user in the target tenant, or take this user out of scope.",
    severity: "error",
  },
  // Job quarantine reasons
  {
    code: "EncounteredQuarantineException",
    title: "Job quarantined",
    meaning:
      "The job hit an error serious enough to stop it, often bad credentials; it now runs rarely until fixed.",
    action: "Read the quarantine error on the job, fix its cause, then restart the job.",
    severity: "error",
  },
  {
    code: "TooManyDeletes",
    title: "Stopped: too many deletions",
    meaning:
      "The job would have deleted more objects than its accidental-deletion threshold allows, so it stopped.",
    action: "Check whether the deletions are intended, then allow them or fix the scoping that caused them.",
    severity: "error",
  },
  {
    code: "QuarantinedOnDemand",
    title: "Quarantined on request",
    meaning: "Someone put the job into quarantine explicitly.",
    action: "Restart the job when it should run again.",
    severity: "warning",
  },
  // Request problems
  {
    code: "RequestParameterInvalid",
    title: "Rule not part of this job",
    meaning:
      "The request named a synchronization rule that the chosen job does not contain, or no rule at all.",
    action: "Pick a rule from this job's schema that supports provisioning on demand.",
    severity: "error",
  },
];
