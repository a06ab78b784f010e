const TEMPLATES: Record<string, string> = {
  ad2aadprovisioning: "Cloud Sync: Active Directory to Microsoft Entra ID",
  scim: "SCIM provisioning",
};

/** A readable name for a job's template id; the id itself when it is not one we know. */
export function templateLabel(templateId: string): string {
  return TEMPLATES[templateId.toLowerCase()] ?? templateId;
}
