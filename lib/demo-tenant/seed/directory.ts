import "server-only";
import { emptyExtensionAttributes } from "../directory-user";
import type { DirectoryGroup, DirectoryUser } from "../model";
import { daysBeforeReference, directoryTimestamp } from "./clock";
import { CONTOSO_DOMAIN, DEMO_FIXTURES, FIXTURE_PEOPLE, type FixturePerson } from "./fixtures";
import { DEPARTMENTS, FIRST_NAMES, LAST_NAMES, OFFICES } from "./names";
import type { SeededRandom } from "./random";

export interface SeededDirectory {
  users: Map<string, DirectoryUser>;
  groups: Map<string, DirectoryGroup>;
  /** People who exist only in the on-premises AD (not yet synced to Entra ID). */
  onPremisesOnlyPeople: DirectoryUser[];
}

/** Total Entra users, fixtures included (a handful are soft-deleted). */
export const SEEDED_USER_COUNT = 5_200;
const ON_PREMISES_ONLY_COUNT = 60;
const MAX_GROUP_MEMBERS = 500;

const PHONE_PREFIX: Record<string, string> = {
  US: "+1 312 555",
  GB: "+44 20 7946",
  DE: "+49 89 1234",
  FR: "+33 1 4567",
  JP: "+81 3 5555",
  AU: "+61 2 9876",
};

/** Hands out unique mail nicknames ("jonas.weber", "jonas.weber2", …). */
function createAliasRegistry() {
  const seen = new Map<string, number>();
  return (base: string): string => {
    const key = base.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? base : `${base}${count}`;
  };
}

interface PersonDraft {
  id: string;
  givenName: string;
  surname: string;
  alias: string;
  department: string | null;
  jobTitle: string | null;
  city: string;
  hasMail: boolean;
  employeeId: string | null;
  accountEnabled: boolean;
  softDeleted: boolean;
  managerId: string | null;
}

const COST_CENTERS = ["CC-1010", "CC-1020", "CC-2040", "CC-3100", "CC-4200", "CC-5300"];

/**
 * What HR and Exchange add to a person: hire date, employee type, cost centre, proxy addresses.
 * Drawn from a stream of its own (`profile`), so the rest of the tenant is the same as before.
 */
function profileOf(draft: PersonDraft, upn: string, createdMs: number, profile: SeededRandom) {
  const contractor = draft.jobTitle === "Contractor" || draft.jobTitle === "Consultant";
  const extensionAttributes = emptyExtensionAttributes();
  if (draft.department) extensionAttributes.extensionAttribute1 = draft.department.toUpperCase().slice(0, 3);
  if (draft.employeeId) extensionAttributes.extensionAttribute2 = draft.employeeId;
  const hired = createdMs - profile.between(0, 30) * 86_400_000;
  return {
    employeeHireDate: directoryTimestamp(hired - (hired % 86_400_000)),
    employeeType: contractor ? "Contractor" : "Employee",
    employeeOrgData: draft.department
      ? { division: draft.department, costCenter: profile.pick(COST_CENTERS) }
      : null,
    faxNumber: null,
    otherMails: profile.chance(0.05) ? [`${draft.alias.toLowerCase()}@fabrikam.example`] : [],
    proxyAddresses: draft.hasMail ? [`SMTP:${upn}`, `smtp:${draft.alias}@contoso.onmicrosoft.com`] : [],
    onPremisesExtensionAttributes: extensionAttributes,
  };
}

function toDirectoryUser(draft: PersonDraft, random: SeededRandom, profile: SeededRandom): DirectoryUser {
  const office = OFFICES.find((o) => o.city === draft.city) ?? OFFICES[0]!;
  const upn = `${draft.alias}@${CONTOSO_DOMAIN}`;
  const phonePrefix = PHONE_PREFIX[office.usageLocation] ?? "+1 425 555";
  // Drawn in this order, as always: the seeded stream must not shift.
  const officeLocation = `${office.city} ${random.between(1, 40)}/${random.between(1000, 4999)}`;
  const mobilePhone = random.chance(0.6)
    ? `${phonePrefix} ${String(random.int(10000)).padStart(4, "0")}`
    : null;
  const businessPhones = random.chance(0.85)
    ? [`${phonePrefix} ${String(random.int(10000)).padStart(4, "0")}`]
    : [];
  const deletedDateTime = draft.softDeleted ? directoryTimestamp(daysBeforeReference(random, 1, 20)) : null;
  const createdMs = daysBeforeReference(random, 30, 2500);
  return {
    id: draft.id,
    userPrincipalName: upn,
    displayName: `${draft.givenName} ${draft.surname}`,
    givenName: draft.givenName,
    surname: draft.surname,
    mail: draft.hasMail ? upn : null,
    mailNickname: draft.alias,
    department: draft.department,
    jobTitle: draft.jobTitle,
    employeeId: draft.employeeId,
    companyName: "Contoso",
    officeLocation,
    city: office.city,
    country: office.country,
    postalCode: office.postalCode,
    streetAddress: office.streetAddress,
    mobilePhone,
    businessPhones,
    preferredLanguage: office.preferredLanguage,
    usageLocation: office.usageLocation,
    managerId: draft.managerId,
    accountEnabled: draft.accountEnabled,
    deletedDateTime,
    createdDateTime: directoryTimestamp(createdMs),
    userType: "Member",
    onPremisesDistinguishedName: null,
    onPremisesSamAccountName: null,
    onPremisesUserPrincipalName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesImmutableId: null,
    onPremisesSyncEnabled: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    state: office.state,
    ...profileOf(draft, upn, createdMs, profile),
  };
}

function fixtureDraft(p: FixturePerson, employeeNumber: number): PersonDraft {
  return {
    id: p.id,
    givenName: p.givenName,
    surname: p.surname,
    alias: p.alias,
    department: p.department,
    jobTitle: p.jobTitle,
    city: p.city,
    hasMail: p.mail,
    employeeId: p.employeeId ? `E${employeeNumber}` : null,
    accountEnabled: p.accountEnabled,
    softDeleted: p.softDeleted,
    managerId: null,
  };
}

/** Users with departments, titles and manager chains (CEO → department heads → managers → staff), and groups. */
export function seedDirectory(random: SeededRandom, profile: SeededRandom): SeededDirectory {
  const nextAlias = createAliasRegistry();
  let employeeNumber = 100_000;
  const fixtures = Object.values(FIXTURE_PEOPLE);
  for (const f of fixtures) nextAlias(f.alias);

  const drafts: PersonDraft[] = [];
  const newPerson = (department: string | null, jobTitle: string | null): PersonDraft => {
    const givenName = random.pick(FIRST_NAMES);
    const surname = random.pick(LAST_NAMES);
    return {
      id: random.guid(),
      givenName,
      surname,
      alias: nextAlias(`${givenName}.${surname}`.toLowerCase()),
      department,
      jobTitle,
      city: random.pick(OFFICES).city,
      hasMail: random.chance(0.98),
      employeeId: random.chance(0.97) ? `E${++employeeNumber}` : null,
      accountEnabled: random.chance(0.97),
      softDeleted: false,
      managerId: null,
    };
  };

  const ceo = newPerson("Operations", "Chief Executive Officer");
  ceo.accountEnabled = true;
  drafts.push(ceo);
  const managersByDepartment = new Map<string, string[]>();
  for (const dept of DEPARTMENTS) {
    const head = newPerson(dept.name, dept.titles[0] ?? null);
    head.managerId = ceo.id;
    head.accountEnabled = true;
    drafts.push(head);
    const managers: string[] = [];
    for (let m = 0; m < 8; m++) {
      const manager = newPerson(dept.name, dept.titles[1] ?? null);
      manager.managerId = head.id;
      drafts.push(manager);
      managers.push(manager.id);
    }
    managersByDepartment.set(dept.name, managers);
  }

  const staffTitle = (department: string) => {
    const titles = DEPARTMENTS.find((d) => d.name === department)?.titles ?? [];
    return random.pick(titles.slice(2));
  };
  const managerFor = (department: string | null) =>
    department ? random.pick(managersByDepartment.get(department) ?? [ceo.id]) : null;

  for (const f of fixtures) {
    const draft = fixtureDraft(f, ++employeeNumber);
    draft.managerId = managerFor(f.department);
    drafts.push(draft);
  }
  while (drafts.length < SEEDED_USER_COUNT) {
    const hasDepartment = random.chance(0.97);
    const department = hasDepartment ? random.pick(DEPARTMENTS).name : null;
    const draft = newPerson(
      department,
      department ? staffTitle(department) : random.chance(0.5) ? "Consultant" : null,
    );
    draft.managerId = managerFor(department);
    draft.softDeleted = random.chance(0.0015);
    drafts.push(draft);
  }

  const users = new Map<string, DirectoryUser>();
  for (const draft of drafts) users.set(draft.id, toDirectoryUser(draft, random, profile));

  const onPremisesOnlyPeople: DirectoryUser[] = [];
  const patti = {
    ...newPerson("Sales", "Sales Representative"),
    givenName: "Patti",
    surname: "Fernandez",
    alias: nextAlias("PattiF"),
    city: "Chicago",
    hasMail: true,
    accountEnabled: true,
  };
  patti.managerId = managerFor("Sales");
  onPremisesOnlyPeople.push(toDirectoryUser(patti, random, profile));
  while (onPremisesOnlyPeople.length < ON_PREMISES_ONLY_COUNT) {
    const department = random.pick(DEPARTMENTS).name;
    const draft = { ...newPerson(department, staffTitle(department)), city: "Chicago" };
    draft.managerId = managerFor(department);
    onPremisesOnlyPeople.push(toDirectoryUser(draft, random, profile));
  }

  return { users, groups: seedGroups(random, users), onPremisesOnlyPeople };
}

function group(
  random: SeededRandom,
  displayName: string,
  memberIds: string[],
  kind: "security" | "unified",
  id = random.guid(),
): DirectoryGroup {
  const mailNickname = displayName.replace(/[^A-Za-z0-9]/g, "");
  const unified = kind === "unified";
  return {
    id,
    displayName,
    description: unified ? `${displayName} (Microsoft 365 group)` : `${displayName} security group`,
    mailNickname,
    mail: unified ? `${mailNickname}@${CONTOSO_DOMAIN}` : null,
    mailEnabled: unified,
    securityEnabled: !unified,
    groupTypes: unified ? ["Unified"] : [],
    createdDateTime: directoryTimestamp(daysBeforeReference(random, 30, 2000)),
    memberIds: memberIds.slice(0, MAX_GROUP_MEMBERS),
  };
}

const SMALL_GROUP_NAMES = [
  "Sales Team Americas",
  "Sales Team APAC",
  "Marketing Leadership",
  "Finance Approvers",
  "IT Admins",
  "Help Desk Operators",
  "Engineering On-Call",
  "Legal Reviewers",
  "Product Council",
  "Security Champions",
  "New Hires",
  "Contractors",
  "Executive Assistants",
  "Travel Approvers",
  "Benefits Committee",
  "Project Falcon",
  "Project Aurora",
  "Project Nimbus",
  "Project Atlas",
  "Project Helix",
  "Diversity Council",
  "Green Team",
  "Hackathon 2026",
  "Data Governance Board",
  "Cloud Migration",
  "Brand Refresh",
  "Customer Advisory Board",
  "Quarterly Planning",
  "Mentoring Circle",
  "Wellness Club",
] as const;

function seedGroups(random: SeededRandom, users: Map<string, DirectoryUser>): Map<string, DirectoryGroup> {
  const active = [...users.values()].filter((u) => u.deletedDateTime === null);
  const groups = new Map<string, DirectoryGroup>();
  const add = (g: DirectoryGroup) => groups.set(g.id, g);

  const emea = DEMO_FIXTURES.groupWithMembers;
  add(group(random, emea.displayName, [...emea.memberIds], "unified", emea.id));

  for (const dept of DEPARTMENTS) {
    const members = active.filter((u) => u.department === dept.name).map((u) => u.id);
    add(group(random, `Contoso ${dept.name}`, members, "security"));
  }
  for (const office of OFFICES) {
    const members = active.filter((u) => u.city === office.city).map((u) => u.id);
    add(group(random, `${office.city} Office`, members, "unified"));
  }
  for (const name of SMALL_GROUP_NAMES) {
    const size = random.chance(0.7) ? random.between(2, 12) : random.between(13, 120);
    const members = new Set<string>();
    while (members.size < size) members.add(random.pick(active).id);
    add(group(random, name, [...members], random.chance(0.5) ? "unified" : "security"));
  }
  return groups;
}
