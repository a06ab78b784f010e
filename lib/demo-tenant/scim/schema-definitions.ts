import "server-only";

// The schemas this target serves (RFC 7643 §4, §8.7.1), written once and used for validation,
// filtering, projection and the /Schemas endpoint alike.

export type AttributeType =
  | "string"
  | "boolean"
  | "decimal"
  | "integer"
  | "dateTime"
  | "reference"
  | "complex"
  | "binary";

export interface AttributeDefinition {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: "readOnly" | "readWrite" | "immutable" | "writeOnly";
  returned: "always" | "never" | "default" | "request";
  uniqueness: "none" | "server" | "global";
  subAttributes?: AttributeDefinition[];
  referenceTypes?: string[];
  canonicalValues?: string[];
}

export interface SchemaDefinition {
  id: string;
  name: string;
  description: string;
  attributes: AttributeDefinition[];
}

export const CORE_USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const CORE_GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_USER_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

type AttributeOptions = Partial<Omit<AttributeDefinition, "name" | "type" | "description">>;

function attribute(
  name: string,
  type: AttributeType,
  description: string,
  options: AttributeOptions = {},
): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...options,
  };
}

function complex(
  name: string,
  description: string,
  subAttributes: AttributeDefinition[],
  options: AttributeOptions = {},
) {
  return attribute(name, "complex", description, { ...options, subAttributes });
}

/** The value/display/type/primary quartet that RFC 7643 §2.4 gives every multi-valued attribute. */
function multiValued(
  name: string,
  description: string,
  valueType: AttributeType,
  canonicalTypes: string[],
  extra: AttributeDefinition[] = [],
) {
  return complex(
    name,
    description,
    [
      attribute("value", valueType, `The ${name} value.`),
      attribute("display", "string", "A human-readable name, primarily used for display purposes."),
      attribute("type", "string", `A label indicating the ${name} function.`, {
        canonicalValues: canonicalTypes,
      }),
      attribute(
        "primary",
        "boolean",
        `Indicates the preferred ${name} value; at most one value may be primary.`,
      ),
      ...extra,
    ],
    { multiValued: true },
  );
}

/** id, externalId and meta belong to every resource but are not part of any schema (RFC 7643 §3.1). */
export const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  attribute("id", "string", "Unique identifier of the resource, issued by the service provider.", {
    caseExact: true,
    mutability: "readOnly",
    returned: "always",
    uniqueness: "server",
  }),
  attribute("externalId", "string", "Identifier of the resource as defined by the provisioning client.", {
    caseExact: true,
  }),
  complex(
    "meta",
    "Resource metadata.",
    [
      attribute("resourceType", "string", "The name of the resource type.", {
        caseExact: true,
        mutability: "readOnly",
      }),
      attribute("created", "dateTime", "When the resource was added.", { mutability: "readOnly" }),
      attribute("lastModified", "dateTime", "When the resource was last changed.", {
        mutability: "readOnly",
      }),
      attribute("location", "reference", "The URI of the resource.", {
        caseExact: true,
        mutability: "readOnly",
        referenceTypes: ["uri"],
      }),
      attribute("version", "string", "The version (weak entity tag) of the resource.", {
        caseExact: true,
        mutability: "readOnly",
      }),
    ],
    { mutability: "readOnly" },
  ),
];

export const USER_SCHEMA: SchemaDefinition = {
  id: CORE_USER_SCHEMA,
  name: "User",
  description: "User Account",
  attributes: [
    attribute("userName", "string", "Unique identifier for the User, used to sign in.", {
      required: true,
      uniqueness: "server",
    }),
    complex("name", "The components of the user's real name.", [
      attribute("formatted", "string", "The full name, formatted for display."),
      attribute("familyName", "string", "The family name (last name)."),
      attribute("givenName", "string", "The given name (first name)."),
      attribute("middleName", "string", "The middle name(s)."),
      attribute("honorificPrefix", "string", "The honorific prefix(es), e.g. 'Ms.'."),
      attribute("honorificSuffix", "string", "The honorific suffix(es), e.g. 'III'."),
    ]),
    attribute("displayName", "string", "The name of the User, suitable for display."),
    attribute("nickName", "string", "The casual way to address the user."),
    attribute("profileUrl", "reference", "A URI pointing to the user's online profile.", {
      referenceTypes: ["external"],
    }),
    attribute("title", "string", "The user's title, such as 'Vice President'."),
    attribute("userType", "string", "The relationship between the organization and the user."),
    attribute("preferredLanguage", "string", "The user's preferred written or spoken language."),
    attribute("locale", "string", "The user's default location for localization."),
    attribute("timezone", "string", "The user's time zone in the IANA format."),
    attribute("active", "boolean", "The user's administrative status."),
    attribute("password", "string", "The user's cleartext password; never returned.", {
      mutability: "writeOnly",
      returned: "never",
    }),
    multiValued("emails", "Email addresses for the user.", "string", ["work", "home", "other"]),
    multiValued("phoneNumbers", "Phone numbers for the user.", "string", [
      "work",
      "home",
      "mobile",
      "fax",
      "pager",
      "other",
    ]),
    multiValued("ims", "Instant messaging addresses for the user.", "string", [
      "aim",
      "gtalk",
      "icq",
      "xmpp",
      "msn",
      "skype",
      "qq",
      "yahoo",
    ]),
    multiValued("photos", "URLs of photos of the user.", "reference", ["photo", "thumbnail"]),
    complex(
      "addresses",
      "A physical mailing address for this user.",
      [
        attribute("formatted", "string", "The full mailing address, formatted for display."),
        attribute("streetAddress", "string", "The full street address component."),
        attribute("locality", "string", "The city or locality component."),
        attribute("region", "string", "The state or region component."),
        attribute("postalCode", "string", "The zip code or postal code component."),
        attribute("country", "string", "The country name component."),
        attribute("type", "string", "A label indicating the address function.", {
          canonicalValues: ["work", "home", "other"],
        }),
        attribute("primary", "boolean", "Indicates the preferred mailing address."),
      ],
      { multiValued: true },
    ),
    multiValued("entitlements", "A list of entitlements for the user.", "string", []),
    multiValued("roles", "A list of roles for the user.", "string", []),
    multiValued("x509Certificates", "A list of certificates issued to the user.", "binary", []),
  ],
};

export const ENTERPRISE_USER_EXTENSION: SchemaDefinition = {
  id: ENTERPRISE_USER_SCHEMA,
  name: "EnterpriseUser",
  description: "Enterprise User",
  attributes: [
    attribute(
      "employeeNumber",
      "string",
      "Numeric or alphanumeric identifier assigned to a person by the organization.",
    ),
    attribute("costCenter", "string", "Identifies the name of a cost center."),
    attribute("organization", "string", "Identifies the name of an organization."),
    attribute("division", "string", "Identifies the name of a division."),
    attribute("department", "string", "Identifies the name of a department."),
    complex("manager", "The user's manager.", [
      attribute("value", "string", "The id of the SCIM resource representing the user's manager.", {
        required: true,
      }),
      attribute("$ref", "reference", "The URI of the SCIM resource representing the user's manager.", {
        referenceTypes: ["User"],
      }),
      attribute("displayName", "string", "The displayName of the user's manager.", {
        mutability: "readOnly",
      }),
    ]),
  ],
};

export const GROUP_SCHEMA: SchemaDefinition = {
  id: CORE_GROUP_SCHEMA,
  name: "Group",
  description: "Group",
  attributes: [
    attribute("displayName", "string", "A human-readable name for the Group.", {
      required: true,
      uniqueness: "server",
    }),
    complex(
      "members",
      "A list of members of the Group.",
      [
        attribute("value", "string", "Identifier of the member of this Group.", { mutability: "immutable" }),
        attribute("$ref", "reference", "The URI of the member resource.", {
          mutability: "immutable",
          referenceTypes: ["User", "Group"],
        }),
        attribute("display", "string", "A human-readable name of the member.", { mutability: "readOnly" }),
        attribute("type", "string", "The type of the member resource.", {
          mutability: "immutable",
          canonicalValues: ["User", "Group"],
        }),
      ],
      { multiValued: true },
    ),
  ],
};
