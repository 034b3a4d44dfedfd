export { recordAudit, registerAuditHook, searchAudit, type AuditEntry } from './audit.service.js';
