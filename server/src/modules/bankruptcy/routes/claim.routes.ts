import { join } from 'node:path';
import { z } from 'zod';
import { localBlobStore, storeFile } from '../../../platform/files/index.js';
import { HttpProblem, type RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { loadCase } from '../case-access.js';
import { presentClaim, presentRegisterLine } from '../claim.presenter.js';
import { findClaimsByCase, findClaimsOfCreditor, findEvidence, findObjectionsByCase } from '../claim.repository.js';
import {
  attachEvidence,
  courtConfirmClaims,
  fileClaim,
  findClaimForReader,
  listEmployeeClaims,
  raiseObjection,
  reviewClaim,
  setProvisionalAmount,
  settleObjection,
} from '../claim.service.js';
import { ZDate, ZFen, ZId, ZVersion, tags } from './schemas.js';

export const ZFileClaimRequest = z.strictObject({
  nature: z.enum(['ordinary', 'tax', 'socialInsurance']),
  principalFen: ZFen,
  interestFen: ZFen.optional(),
  otherFen: ZFen.optional(),
  secured: z.boolean(),
  collateralDescription: z.string().trim().max(500).optional(),
  collateralValueFen: ZFen.optional(),
  condition: z.enum(['none', 'conditional', 'timeBound']).optional(),
  joint: z.boolean().optional(),
  agent: z.strictObject({ name: z.string().trim().min(1).max(100), authorizationFileId: z.string().min(1).max(100) }).optional(),
  evidenceFileIds: z.array(z.string().min(1).max(100)).max(50).optional(),
});

const ZReviewPoint = z.strictObject({ ok: z.boolean(), note: z.string().max(1000).optional() });
export const ZReviewClaimRequest = z.strictObject({
  decision: z.enum(['confirmed', 'partlyConfirmed', 'rejected']),
  confirmedFen: ZFen.optional(),
  points: z.strictObject({
    nature: ZReviewPoint.optional(),
    amount: ZReviewPoint.optional(),
    collateral: ZReviewPoint.optional(),
    limitation: ZReviewPoint.optional(),
    enforcementPeriod: ZReviewPoint.optional(),
  }),
  reason: z.string().trim().max(2000).optional(),
  securityWaived: z.boolean().optional(),
  collateralValueFen: ZFen.optional(),
  version: ZVersion,
});

/** Claims: filing with evidence, the Art. 48 employee list, review, objections, court confirmation, the register. */
export const claimRoutes: RoutePlugin = async (app, { db, config }) => {
  const blobs = localBlobStore(join(config.dataDir, 'files'));

  app.post('/cases/:id/claims', { schema: { tags, summary: '申报债权 File a claim (EBL Arts. 44–56)', params: ZId, body: ZFileClaimRequest } }, async (req, reply) => {
    const p = requirePermission(req, PERM.fileClaim);
    const row = await fileClaim(db, p, req.params.id, req.body);
    return reply.code(201).send(presentClaim(row, await findEvidence(db, [row.id])));
  });

  app.get('/cases/:id/claims/mine', { schema: { tags, summary: '我的债权 My claims in the case', params: ZId } }, async (req) => {
    const p = requirePrincipal(req);
    await loadCase(db, p, req.params.id);
    const rows = await findClaimsOfCreditor(db, req.params.id, p.organizationId);
    const evidence = await findEvidence(db, rows.map((r) => r.id));
    const objections = (await findObjectionsByCase(db, req.params.id)).filter((o) => rows.some((r) => r.id === o.claim_id));
    return { items: rows.map((r) => presentClaim(r, evidence, objections)) };
  });

  app.get('/cases/:id/claims', { schema: { tags, summary: '债权表 Claim register (full for court and administrator)', params: ZId } }, async (req) => {
    const p = requirePrincipal(req);
    const { relations } = await loadCase(db, p, req.params.id);
    const rows = await findClaimsByCase(db, req.params.id);
    if (relations.has('court') || relations.has('administrator')) {
      const evidence = await findEvidence(db, rows.map((r) => r.id));
      const objections = await findObjectionsByCase(db, req.params.id);
      return { view: 'full', items: rows.map((r) => presentClaim(r, evidence, objections)) };
    }
    return { view: 'public', items: rows.map(presentRegisterLine) };
  });

  app.post('/cases/:id/employee-claims', {
    schema: {
      tags,
      summary: '职工债权清单 List employee claims (EBL Art. 48)',
      params: ZId,
      body: z.strictObject({ items: z.array(z.strictObject({ employeeName: z.string().trim().min(1).max(50), organizationId: z.string().max(100).optional(), amountFen: ZFen })).min(1).max(5000) }),
    },
  }, async (req, reply) => {
    const p = requirePermission(req, PERM.administer);
    const rows = await listEmployeeClaims(db, p, req.params.id, req.body.items);
    return reply.code(201).send({ items: rows.map((r) => presentClaim(r)) });
  });

  app.post('/cases/:id/claims/court-confirm', {
    schema: { tags, summary: '裁定确认无异议债权 Confirm unopposed claims (EBL Art. 58 ¶2)', params: ZId, body: z.strictObject({ on: ZDate }) },
  }, async (req) => courtConfirmClaims(db, requirePermission(req, PERM.court), req.params.id, req.body));

  app.get('/claims/:id', { schema: { tags, summary: '债权详情 Claim', params: ZId } }, async (req) => {
    const p = requirePrincipal(req);
    const { claim } = await findClaimForReader(db, p, req.params.id);
    const objections = (await findObjectionsByCase(db, claim.case_id)).filter((o) => o.claim_id === claim.id);
    return presentClaim(claim, await findEvidence(db, [claim.id]), objections);
  });

  app.post('/claims/:id/evidence', {
    schema: { tags, summary: '上传证据 Add evidence (PDF, PNG, JPEG, OFD)', params: ZId, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const p = requirePermission(req, PERM.fileClaim);
    const { claim } = await findClaimForReader(db, p, req.params.id);
    if (claim.creditor_organization_id !== p.organizationId) throw new HttpProblem(404, 'not-found');
    if (!req.isMultipart()) throw new HttpProblem(415, 'unsupported-media-type', '请使用 multipart/form-data 上传');
    const part = await req.file();
    if (!part) throw new HttpProblem(400, 'validation-failed', undefined, [{ path: 'file', code: 'required', message: '缺少文件 (file missing)' }]);
    const data = await part.toBuffer();
    if (part.file.truncated) throw new HttpProblem(413, 'file-too-large', `上限 limit ${config.uploadLimitBytes} bytes`);
    const file = await storeFile(db, blobs, { filename: part.filename, data, owner: p });
    await attachEvidence(db, p, claim.id, file);
    return reply.code(201).send({ fileId: file.id, filename: file.filename, sha256: file.sha256 });
  });

  app.post('/claims/:id/review', { schema: { tags, summary: '审查债权 Review a claim (EBL Art. 57)', params: ZId, body: ZReviewClaimRequest } }, async (req) => {
    const p = requirePermission(req, PERM.administer);
    const row = await reviewClaim(db, p, req.params.id, req.body);
    return presentClaim(row, await findEvidence(db, [row.id]));
  });

  app.post('/claims/:id/provisional', {
    schema: { tags, summary: '临时确定债权额 Provisional amount for voting (EBL Art. 59 ¶2)', params: ZId, body: z.strictObject({ provisionalFen: ZFen, version: ZVersion }) },
  }, async (req) => presentClaim(await setProvisionalAmount(db, requirePermission(req, PERM.court), req.params.id, req.body)));

  app.post('/claims/:id/objections', {
    schema: { tags, summary: '对债权提出异议 Object to a claim (EBL Arts. 48, 58)', params: ZId, body: z.strictObject({ reason: z.string().trim().min(2).max(2000) }) },
  }, async (req, reply) => reply.code(201).send(await raiseObjection(db, requirePrincipal(req), req.params.id, req.body)));

  app.post('/objections/:id/settle', {
    schema: { tags, summary: '处理异议 Settle an objection', params: ZId, body: z.strictObject({ status: z.enum(['withdrawn', 'inLitigation', 'resolved']) }) },
  }, async (req) => settleObjection(db, requirePermission(req, PERM.administer), req.params.id, req.body));
};
