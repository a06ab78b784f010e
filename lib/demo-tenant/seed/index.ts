import "server-only";
import type { TenantState } from "../model";
import { seedApplications, type SeededScimTarget } from "./applications";
import { seedDirectory } from "./directory";
import { CONTOSO_DOMAIN, CONTOSO_TENANT_ID } from "./fixtures";
import { seedOnPremises } from "./on-premises";
import { createSeededRandom } from "./random";

export const DEFAULT_SEED = 20_261_127;

export interface SeededTenant {
  state: TenantState;
  scimTargets: SeededScimTarget[];
}

/** Builds the whole Contoso tenant from a seed: the same seed always gives the same tenant. */
export function seedTenant(seed: number = DEFAULT_SEED): SeededTenant {
  const random = createSeededRandom(seed);
  const { users, groups, onPremisesOnlyPeople } = seedDirectory(
    random,
    createSeededRandom(seed ^ 0x5bd1e995),
  );
  const onPremises = seedOnPremises(random, users, onPremisesOnlyPeople);
  const { servicePrincipals, scimTargets } = seedApplications(random, { users, groups });
  return {
    state: {
      tenantId: CONTOSO_TENANT_ID,
      displayName: "Contoso",
      defaultDomain: CONTOSO_DOMAIN,
      users,
      groups,
      servicePrincipals,
      onPremises,
    },
    scimTargets,
  };
}

export { DEMO_FIXTURES, type DemoFixtures } from "./fixtures";
export type { SeededScimTarget } from "./applications";
