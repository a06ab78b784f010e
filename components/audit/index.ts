export { AuditLog } from "./AuditLog";
export { auditCsvHref, auditKeys, auditQueries } from "./queries";
