import "server-only";

import type { DemoJob, DirectoryUser, ServicePrincipal, SynchronizationRule, TenantState } from "../model";
import type { ScimClient } from "./scim-client";

export interface ProvisionSubject {
  objectId: string;
  objectTypeName: string;
  links?: { members?: { objectId: string; objectTypeName: string }[] };
}

export interface EngineEnvironment {
  tenant: TenantState;
  /** Reaches SCIM targets: the demo tenant routes its own /scim/… in-process and anything else over the network. */
  scimFetch: (request: Request) => Promise<Response>;
  now: () => Date;
  newId: () => string;
  /** Told after Cloud Sync creates or replaces a user in `tenant.users`, so indexes can follow. */
  onDirectoryUserChanged?: (user: DirectoryUser) => void;
}

export interface ProvisionInput {
  servicePrincipal: ServicePrincipal;
  job: DemoJob;
  rule: SynchronizationRule;
  subjects: ProvisionSubject[];
}

/** One run against a SCIM app. */
export interface AppRun {
  env: EngineEnvironment;
  servicePrincipal: ServicePrincipal;
  job: DemoJob;
  rule: SynchronizationRule;
  scim: ScimClient;
  /** The name Entra reports for the target system, e.g. "customappsso". */
  systemName: string;
}

export const ENTRA_SYSTEM_NAME = "Azure Active Directory";
