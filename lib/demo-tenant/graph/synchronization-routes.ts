import "server-only";
import type * as V1 from "@microsoft/microsoft-graph-types";
import type {
  DemoJob,
  DirectoryDefinition,
  ServicePrincipal,
  SynchronizationSchema,
  TenantState,
} from "../model";
import { findJob, findServicePrincipal } from "./directory-lookup";
import { jsonResult, type GraphCall, type GraphResult } from "./graph-call";
import { resourceNotFound } from "./graph-error";
import { graphShaped } from "./graph-properties";
import { contextUrl, quoteKey } from "./odata";

// GET handlers for a service principal's synchronization: jobs, their schemas and directories, and
// the templates they were made from, served as Graph's JSON and typed by Graph's published types.

const asJob = graphShaped<V1.SynchronizationJob>();
const asSchema = graphShaped<V1.SynchronizationSchema>();
const asDirectory = graphShaped<V1.DirectoryDefinition>();
const asTemplate = graphShaped<V1.SynchronizationTemplate>();

// Graph serializes its flags enums (objectMapping.flowTypes, directoryDefinition.discoverabilities)
// as lists ("Add, Update, Delete"); the typings' unions name one flag, so those two are cast.
const servedDirectory = (directory: DirectoryDefinition) =>
  asDirectory({
    ...directory,
    discoverabilities: directory.discoverabilities as V1.DirectoryDefinitionDiscoverabilities,
  });

const served = (schema: SynchronizationSchema) =>
  asSchema({
    ...schema,
    directories: schema.directories.map(servedDirectory),
    synchronizationRules: schema.synchronizationRules.map((rule) => ({
      ...rule,
      objectMappings: rule.objectMappings.map((m) => ({
        ...m,
        flowTypes: m.flowTypes as V1.ObjectFlowTypes,
      })),
    })),
  });

const TEMPLATE_DESCRIPTIONS: Record<string, string> = {
  scim: "Provision users and groups to a SCIM 2.0 application",
  AD2AADProvisioning: "Provision users from Active Directory to Microsoft Entra ID",
};

/** The templates an app's jobs were made from: one per templateId, as Graph lists them. */
function templatesOf(sp: ServicePrincipal): { templateId: string; job: DemoJob }[] {
  const seen = new Map<string, DemoJob>();
  for (const job of sp.jobs) if (!seen.has(job.job.templateId)) seen.set(job.job.templateId, job);
  return [...seen].map(([templateId, job]) => ({ templateId, job }));
}

function findTemplate(sp: ServicePrincipal, templateId: string) {
  const found = templatesOf(sp).find((t) => t.templateId.toLowerCase() === templateId.toLowerCase());
  if (!found) throw resourceNotFound(templateId);
  return found;
}

const template = (sp: ServicePrincipal, templateId: string) =>
  asTemplate({
    id: templateId,
    applicationId: sp.appId,
    default: true,
    description: TEMPLATE_DESCRIPTIONS[templateId] ?? null,
    discoverable: true,
    factoryTag: templateId,
    metadata: [],
  });

function findDirectory(schema: SynchronizationSchema, directoryId: string) {
  const directory = schema.directories.find((d) => d.id.toLowerCase() === directoryId.toLowerCase());
  if (!directory) throw resourceNotFound(directoryId);
  return directory;
}

export const synchronizationRoutes = {
  listJobs(call: GraphCall, t: TenantState, spId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs`,
      ),
      value: sp.jobs.map((j) => asJob(j.job)),
    });
  },
  getJob(call: GraphCall, t: TenantState, spId: string, jobId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs/$entity`,
      ),
      ...asJob(job.job),
    });
  },
  getSchema(call: GraphCall, t: TenantState, spId: string, jobId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs(${quoteKey(job.job.id)})/schema/$entity`,
      ),
      ...served(job.schema),
    });
  },
  listDirectories(call: GraphCall, t: TenantState, spId: string, jobId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs(${quoteKey(job.job.id)})/schema/directories`,
      ),
      value: job.schema.directories.map(servedDirectory),
    });
  },
  getDirectory(
    call: GraphCall,
    t: TenantState,
    spId: string,
    jobId: string,
    directoryId: string,
  ): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const job = findJob(sp, jobId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/jobs(${quoteKey(job.job.id)})/schema/directories/$entity`,
      ),
      ...servedDirectory(findDirectory(job.schema, directoryId)),
    });
  },
  listTemplates(call: GraphCall, t: TenantState, spId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/templates`,
      ),
      value: templatesOf(sp).map(({ templateId }) => template(sp, templateId)),
    });
  },
  getTemplate(call: GraphCall, t: TenantState, spId: string, templateId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const found = findTemplate(sp, templateId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/templates/$entity`,
      ),
      ...template(sp, found.templateId),
    });
  },
  /** A template's schema is the one its jobs start from: the job's, under the template's id. */
  getTemplateSchema(call: GraphCall, t: TenantState, spId: string, templateId: string): GraphResult {
    const sp = findServicePrincipal(t, spId);
    const found = findTemplate(sp, templateId);
    return jsonResult({
      "@odata.context": contextUrl(
        call.version,
        `servicePrincipals(${quoteKey(sp.id)})/synchronization/templates(${quoteKey(found.templateId)})/schema/$entity`,
      ),
      ...served({ ...found.job.schema, id: found.templateId }),
    });
  },
};
