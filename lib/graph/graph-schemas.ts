import "server-only";
import { z } from "zod";

// Graph's answers as the console reads them. Loose objects: fields we do not name are kept. Lists
// are read item by item: an item the console cannot use (a rule without an id, the `{}` placeholders
// of Graph's documentation) is left out of the list instead of making the whole answer unreadable.

const nullableText = z.string().nullish();

/** A list whose unreadable items are skipped; the answer's other fields and items stay as they are. */
function itemsOf<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((items) =>
    items.flatMap((raw): z.infer<T>[] => {
      const parsed = item.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

export const servicePrincipalSchema = z.looseObject({
  id: z.string().min(1),
  appId: nullableText,
  displayName: nullableText,
  tags: z.array(z.string()).nullish(),
});

const quarantineSchema = z.looseObject({
  currentBegan: nullableText,
  nextAttempt: nullableText,
  reason: nullableText,
  seriesBegan: nullableText,
  seriesCount: z.number().nullish(),
  error: z
    .looseObject({ code: nullableText, message: nullableText, tenantActionable: z.boolean().nullish() })
    .nullish(),
});

export const synchronizationJobSchema = z.looseObject({
  id: z.string().min(1),
  templateId: nullableText,
  schedule: z
    .looseObject({ expiration: nullableText, interval: nullableText, state: nullableText })
    .nullish(),
  status: z
    .looseObject({
      code: nullableText,
      lastExecution: z.looseObject({}).nullish(),
      lastSuccessfulExecution: z.looseObject({}).nullish(),
      quarantine: quarantineSchema.nullish(),
    })
    .nullish(),
});

const stringPairSchema = z.looseObject({ key: z.string(), value: z.unknown() }).transform((pair) => ({
  ...pair,
  // Graph's metadata values are strings; anything else is kept as its JSON text.
  value:
    pair.value === null || pair.value === undefined || typeof pair.value === "string"
      ? pair.value
      : JSON.stringify(pair.value),
}));

export const synchronizationRuleSchema = z.looseObject({
  id: z.string().min(1),
  name: nullableText,
  sourceDirectoryName: nullableText,
  targetDirectoryName: nullableText,
  metadata: itemsOf(stringPairSchema).nullish(),
  objectMappings: itemsOf(
    z.looseObject({
      enabled: z.boolean().nullish(),
      sourceObjectName: nullableText,
      targetObjectName: nullableText,
    }),
  ).nullish(),
});

export const synchronizationSchemaSchema = z.looseObject({
  id: nullableText,
  version: nullableText,
  synchronizationRules: itemsOf(synchronizationRuleSchema).nullish(),
});

export const userSchema = z.looseObject({
  id: z.string().min(1),
  displayName: nullableText,
  userPrincipalName: nullableText,
  mail: nullableText,
});

/** An entry of the directory's recycle bin; only users are read from it. */
export const deletedUserSchema = userSchema.extend({
  "@odata.type": z.string().optional(),
  deletedDateTime: nullableText,
});

export const groupSchema = z.looseObject({
  id: z.string().min(1),
  displayName: nullableText,
});

/** A group member is any directory object; users carry their type. */
export const memberSchema = z.looseObject({
  "@odata.type": z.string().optional(),
  id: z.string().min(1),
  displayName: nullableText,
  userPrincipalName: nullableText,
});

export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({ value: itemsOf(item), "@odata.nextLink": z.string().optional() });
}

export const batchAnswerSchema = z.looseObject({
  responses: itemsOf(
    z.looseObject({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).nullish(),
      body: z.unknown(),
    }),
  ),
});

export type ServicePrincipal = z.infer<typeof servicePrincipalSchema>;
export type SynchronizationJob = z.infer<typeof synchronizationJobSchema>;
export type SynchronizationRule = z.infer<typeof synchronizationRuleSchema>;
export type SynchronizationSchema = z.infer<typeof synchronizationSchemaSchema>;
export type DirectoryUser = z.infer<typeof userSchema>;
export type DeletedDirectoryUser = z.infer<typeof deletedUserSchema>;
export type DirectoryGroup = z.infer<typeof groupSchema>;
export type GroupMember = z.infer<typeof memberSchema>;

/** A user as the user page reads them: who they are, enabled, synced from AD, soft-deleted. */
export const userProfileSchema = z.looseObject({
  id: z.string().min(1),
  displayName: nullableText,
  userPrincipalName: nullableText,
  mail: nullableText,
  accountEnabled: z.boolean().nullish(),
  department: nullableText,
  jobTitle: nullableText,
  userType: nullableText,
  createdDateTime: nullableText,
  deletedDateTime: nullableText,
  onPremisesSyncEnabled: z.boolean().nullish(),
  onPremisesDistinguishedName: nullableText,
  onPremisesSamAccountName: nullableText,
});

export const appRoleAssignmentSchema = z.looseObject({
  id: z.string().min(1),
  appRoleId: nullableText,
  principalId: nullableText,
  principalType: nullableText,
  principalDisplayName: nullableText,
  resourceId: z.string().min(1),
  resourceDisplayName: nullableText,
  createdDateTime: nullableText,
});

/** A group a user belongs to; other directory objects (roles, units) carry their own type. */
export const membershipSchema = z.looseObject({
  "@odata.type": z.string().optional(),
  id: z.string().min(1),
  displayName: nullableText,
});

export type UserProfile = z.infer<typeof userProfileSchema>;
export type AppRoleAssignment = z.infer<typeof appRoleAssignmentSchema>;
export type Membership = z.infer<typeof membershipSchema>;
