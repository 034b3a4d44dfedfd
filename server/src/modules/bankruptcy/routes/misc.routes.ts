import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { caseIndicators, courtStatistics } from '../indicators.service.js';
import { CONFIDENTIALITY_UNDERTAKING_V1, listInvestors, presentRegistration, registerInvestor, setDataRoomAccess, submitIntention } from '../investor.service.js';
import {
  convertPreReorganization,
  listDistressed,
  listMediations,
  listPreReorganizations,
  recordMediation,
  registerDistressed,
  registerPreReorganization,
  setDistressedStatus,
} from '../pre-case.service.js';
import { ZDate, ZFen, ZId, tags } from './schemas.js';

/** Investors, the pre-case registry, and indicators. */
export const miscRoutes: RoutePlugin = async (app, { db }) => {
  app.get('/investor-undertaking', { schema: { tags, summary: '保密承诺文本 Confidentiality undertaking text' } }, async () => ({ version: 1, text: CONFIDENTIALITY_UNDERTAKING_V1 }));

  app.get('/cases/:id/investors', { schema: { tags, summary: '投资人报名 Investor registrations', params: ZId } }, async (req) => ({ items: await listInvestors(db, requirePrincipal(req), req.params.id) }));

  app.post('/cases/:id/investors', {
    schema: { tags, summary: '投资人报名并签署保密承诺 Register as investor', params: ZId, body: z.strictObject({ acceptUndertaking: z.boolean() }) },
  }, async (req, reply) => reply.code(201).send(presentRegistration(await registerInvestor(db, requirePermission(req, PERM.invest), req.params.id, req.body))));

  app.post('/investors/:id/intention', {
    schema: { tags, summary: '提交投资意向书 Submit an intention letter', params: ZId, body: z.strictObject({ summary: z.string().trim().min(2).max(5000), fileId: z.string().max(100).optional() }) },
  }, async (req) => presentRegistration(await submitIntention(db, requirePermission(req, PERM.invest), req.params.id, req.body)));

  app.post('/investors/:id/data-room', {
    schema: { tags, summary: '资料室权限 Data-room access', params: ZId, body: z.strictObject({ access: z.boolean() }) },
  }, async (req) => presentRegistration(await setDataRoomAccess(db, requirePermission(req, PERM.administer), req.params.id, req.body)));

  const needs = z.array(z.enum(['informationExchange', 'financing', 'assetTrading'])).min(1);
  app.get('/distressed-enterprises', { schema: { tags, summary: '危困企业库 Distressed enterprises' } }, async (req) => ({ items: await listDistressed(db, requirePrincipal(req)) }));
  app.post('/distressed-enterprises', {
    schema: { tags, summary: '登记危困企业 Register a distressed enterprise', body: z.strictObject({ name: z.string().trim().min(2).max(200), uscc: z.string().length(18), district: z.string().trim().min(1).max(50), needs, description: z.string().trim().min(1).max(5000) }) },
  }, async (req, reply) => reply.code(201).send(await registerDistressed(db, requirePrincipal(req), req.body)));
  app.post('/distressed-enterprises/:id/status', {
    schema: { tags, summary: '更新帮扶状态 Update status', params: ZId, body: z.strictObject({ status: z.enum(['open', 'assisted', 'closed']) }) },
  }, async (req) => setDistressedStatus(db, requirePrincipal(req), req.params.id, req.body.status));

  app.get('/mediations', { schema: { tags, summary: '诉前调解记录 Mediation records' } }, async (req) => ({ items: await listMediations(db, requirePrincipal(req)) }));
  app.post('/mediations', {
    schema: {
      tags,
      summary: '登记诉前调解 Record a mediation',
      body: z.strictObject({ distressedEnterpriseId: z.string().max(100).optional(), debtorName: z.string().trim().min(2).max(200), parties: z.string().trim().min(2).max(1000), subject: z.string().trim().min(2).max(2000), amountFen: ZFen, outcome: z.enum(['pending', 'settled', 'withdrawn']) }),
    },
  }, async (req, reply) => reply.code(201).send(await recordMediation(db, requirePrincipal(req), req.body)));

  app.get('/pre-reorganizations', { schema: { tags, summary: '预重整登记 Pre-reorganizations' } }, async (req) => ({ items: await listPreReorganizations(db, requirePrincipal(req)) }));
  app.post('/pre-reorganizations', {
    schema: { tags, summary: '登记预重整 Register a pre-reorganization', body: z.strictObject({ debtorName: z.string().trim().min(2).max(200), debtorUscc: z.string().length(18), temporaryAdministrator: z.string().max(200).optional(), registeredOn: ZDate, notes: z.string().max(5000) }) },
  }, async (req, reply) => reply.code(201).send(await registerPreReorganization(db, requirePrincipal(req), req.body)));
  app.post('/pre-reorganizations/:id/convert', {
    schema: { tags, summary: '转入正式重整 Convert into the formal case', params: ZId, body: z.strictObject({ caseId: z.string().min(1).max(100) }) },
  }, async (req) => convertPreReorganization(db, requirePermission(req, PERM.court), req.params.id, req.body));

  app.get('/cases/:id/indicators', { schema: { tags, summary: '案件营商指标 Case indicators', params: ZId } }, async (req) => caseIndicators(db, requirePrincipal(req), req.params.id));
  app.get('/statistics', { schema: { tags, summary: '法院统计与期限预警 Court statistics and deadlines at risk' } }, async (req) => courtStatistics(db, requirePermission(req, PERM.indicators)));
};
