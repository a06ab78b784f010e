import "server-only";
import type { DirectoryUser, OnPremisesDirectory, OnPremisesUser } from "../model";
import { FIXTURE_PEOPLE } from "./fixtures";
import { directoryTimestamp, SEED_REFERENCE_TIME } from "./clock";
import type { SeededRandom } from "./random";

export const ON_PREMISES_DOMAIN = "corp.contoso.com";
export const ON_PREMISES_NETBIOS = "CONTOSO";
const DOMAIN_SID = "S-1-5-21-3623811015-3361044348-30300820";
/** Cloud Sync's last cycle, as the synced users' onPremisesLastSyncDateTime shows it. */
const LAST_SYNC = directoryTimestamp(SEED_REFERENCE_TIME - 17 * 60_000);
/** How many cloud users (besides the fixtures) came from AD; all of them work in Chicago. */
const SYNCED_USER_COUNT = 240;

/** Windows FILETIME (100 ns ticks since 1601) for a Unix time in ms, as AD stores pwdLastSet. */
const fileTime = (ms: number) => String(BigInt(ms) * 10_000n + 116_444_736_000_000_000n);
/** AD's generalized time: "20240131154512.0Z". */
const generalizedTime = (iso: string) => `${iso.slice(0, 19).replace(/[-:T]/g, "")}.0Z`;

function distinguishedName(user: DirectoryUser): string {
  return `CN=${user.displayName},OU=Users,OU=${user.city ?? "Chicago"},DC=corp,DC=contoso,DC=com`;
}

function adAttributes(
  user: DirectoryUser,
  dn: string,
  guid: Uint8Array,
  rid: number,
  managerDn: string | null,
): Record<string, string> {
  const attrs: Record<string, string | null> = {
    objectClass: "top, person, organizationalPerson, user",
    objectGUID: Buffer.from(guid).toString("base64"),
    objectSid: `${DOMAIN_SID}-${rid}`,
    distinguishedName: dn,
    cn: user.displayName,
    name: user.displayName,
    displayName: user.displayName,
    givenName: user.givenName,
    sn: user.surname,
    sAMAccountName: user.mailNickname.slice(0, 20),
    userPrincipalName: user.userPrincipalName,
    mail: user.mail,
    mailNickname: user.mailNickname,
    proxyAddresses: user.mail ? `SMTP:${user.mail}` : null,
    department: user.department,
    title: user.jobTitle,
    company: user.companyName,
    employeeID: user.employeeId,
    physicalDeliveryOfficeName: user.officeLocation,
    streetAddress: user.streetAddress,
    l: user.city,
    postalCode: user.postalCode,
    co: user.country,
    c: user.usageLocation,
    telephoneNumber: user.businessPhones[0] ?? null,
    mobile: user.mobilePhone,
    preferredLanguage: user.preferredLanguage,
    manager: managerDn,
    userAccountControl: user.accountEnabled ? "512" : "514",
    accountExpires: "9223372036854775807",
    pwdLastSet: fileTime(Date.parse(user.createdDateTime)),
    whenCreated: generalizedTime(user.createdDateTime),
    isCriticalSystemObject: "False",
  };
  return Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== null));
}

/**
 * The AD forest corp.contoso.com: Adele Vance and a few hundred Chicago users already synced to
 * Entra ID (their cloud objects get their onPremises* properties here), plus people who exist only in AD.
 */
export function seedOnPremises(
  random: SeededRandom,
  users: Map<string, DirectoryUser>,
  onPremisesOnlyPeople: DirectoryUser[],
): OnPremisesDirectory {
  const directory: OnPremisesDirectory = {
    domainName: ON_PREMISES_DOMAIN,
    netBiosName: ON_PREMISES_NETBIOS,
    users: new Map(),
  };
  const synced: DirectoryUser[] = [];
  const adele = users.get(FIXTURE_PEOPLE.adele.id);
  if (adele) synced.push(adele);
  for (const user of users.values()) {
    if (synced.length > SYNCED_USER_COUNT) break;
    if (user.city === "Chicago" && user.deletedDateTime === null && user.id !== adele?.id) synced.push(user);
  }

  const dnById = new Map<string, string>();
  const people = [
    ...synced.map((u) => ({ user: u, cloud: true })),
    ...onPremisesOnlyPeople.map((u) => ({ user: u, cloud: false })),
  ];
  const taken = new Set<string>();
  const accepted = people.filter(({ user }) => {
    const key = distinguishedName(user).toLowerCase();
    if (taken.has(key)) return false; // two people with one name cannot share a CN in one OU
    taken.add(key);
    dnById.set(user.id, distinguishedName(user));
    return true;
  });

  let rid = 1100;
  for (const { user, cloud } of accepted) {
    const dn = distinguishedName(user);
    const guid = random.bytes(16);
    const sid = `${DOMAIN_SID}-${++rid}`;
    const managerDn = user.managerId ? (dnById.get(user.managerId) ?? null) : null;
    const entry: OnPremisesUser = {
      distinguishedName: dn,
      attributes: adAttributes(user, dn, guid, rid, managerDn),
    };
    directory.users.set(dn.toLowerCase(), entry);
    if (cloud) {
      user.onPremisesDistinguishedName = dn;
      user.onPremisesSamAccountName = entry.attributes.sAMAccountName ?? null;
      user.onPremisesUserPrincipalName = user.userPrincipalName;
      user.onPremisesSecurityIdentifier = sid;
      user.onPremisesImmutableId = entry.attributes.objectGUID ?? null;
      user.onPremisesSyncEnabled = true;
      user.onPremisesDomainName = ON_PREMISES_DOMAIN;
      user.onPremisesLastSyncDateTime = LAST_SYNC;
    }
  }
  return directory;
}
