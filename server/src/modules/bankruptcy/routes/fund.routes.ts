import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { decideDisbursement, executeDisbursement, fundOverview, importStatement, presentDisbursement, presentMovement, recordMovement, requestDisbursement } from '../fund.service.js';
import { ZDate, ZFen, ZId, ZVersion, tags } from './schemas.js';

/** Fund supervision: account movements, disbursements with approval above the threshold, statement import. */
export const fundRoutes: RoutePlugin = async (app, { db }) => {
  app.get('/cases/:id/funds', { schema: { tags, summary: '资金监管 Account overview', params: ZId } }, async (req) => fundOverview(db, requirePrincipal(req), req.params.id));

  app.post('/cases/:id/funds/receipts', {
    schema: {
      tags,
      summary: '登记收款 Record money received',
      params: ZId,
      body: z.strictObject({ direction: z.literal('in'), amountFen: ZFen, occurredOn: ZDate, counterparty: z.string().trim().min(1).max(200), purpose: z.string().trim().min(1).max(300), bankReference: z.string().max(100).optional() }),
    },
  }, async (req, reply) => reply.code(201).send(presentMovement(await recordMovement(db, requirePermission(req, PERM.administer), req.params.id, req.body))));

  app.post('/cases/:id/funds/disbursements', {
    schema: { tags, summary: '付款申请 Request a disbursement', params: ZId, body: z.strictObject({ amountFen: ZFen, payee: z.string().trim().min(1).max(200), purpose: z.string().trim().min(1).max(300) }) },
  }, async (req, reply) => reply.code(201).send(presentDisbursement(await requestDisbursement(db, requirePermission(req, PERM.administer), req.params.id, req.body))));

  app.post('/disbursements/:id/decision', {
    schema: { tags, summary: '审批付款 Approve or reject (judge)', params: ZId, body: z.strictObject({ approve: z.boolean(), note: z.string().max(1000).optional(), version: ZVersion }) },
  }, async (req) => presentDisbursement(await decideDisbursement(db, requirePermission(req, PERM.court), req.params.id, req.body)));

  app.post('/disbursements/:id/execute', {
    schema: { tags, summary: '执行付款 Execute an approved disbursement', params: ZId, body: z.strictObject({ executedOn: ZDate, bankReference: z.string().trim().min(1).max(100), version: ZVersion }) },
  }, async (req) => presentDisbursement(await executeDisbursement(db, requirePermission(req, PERM.administer), req.params.id, req.body)));

  app.post('/cases/:id/funds/statements', {
    schema: { tags, summary: '导入银行流水并对账 Import a bank statement (CSV) and reconcile', params: ZId, body: z.strictObject({ csv: z.string().min(1).max(2_000_000) }) },
  }, async (req) => importStatement(db, requirePermission(req, PERM.administer), req.params.id, req.body.csv));
};
