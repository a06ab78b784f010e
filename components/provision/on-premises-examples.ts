/** A user of the demo tenant's forest who is only in Active Directory: provisioning creates her in Entra ID. */
export const DEMO_EXAMPLE_DN = "CN=Patti Fernandez,OU=Users,OU=Chicago,DC=corp,DC=contoso,DC=com";

/** The shape of a distinguished name, for a real forest the console cannot look into. */
export const FORMAT_EXAMPLE_DN = "CN=Jane Doe,OU=Users,DC=corp,DC=example,DC=com";
