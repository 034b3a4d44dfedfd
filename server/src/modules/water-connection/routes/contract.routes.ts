import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { findVisibleApplication } from '../application.service.js';
import { presentDetail } from '../application.presenter.js';
import { findApplicationById } from '../application.repository.js';
import { countersignContract, readContract, signContract } from '../contract.service.js';
import { ZIdParam, ZVersionOnly } from '../water-connection.schemas.js';

/** The supply contract: download, applicant's signature (after real-name verification), utility's seal. */
export const waterContractRoutes: RoutePlugin = async (app, { db, config }) => {
  const tags = ['water-connection'];

  app.get('/applications/:id/contract', { schema: { tags, summary: '下载供水合同 Download the contract (PDF)', params: ZIdParam } }, async (req, reply) => {
    const p = requirePrincipal(req);
    const { app: row } = await findVisibleApplication(db, p, req.params.id);
    const { file, data } = await readContract(db, config, p, row);
    reply.header('content-disposition', contentDisposition(file.filename, 'inline'));
    reply.header('x-content-sha256', file.sha256);
    return reply.type('application/pdf').send(data);
  });

  app.post('/applications/:id/contract/sign', { schema: { tags, summary: '申请人签署合同（须实名认证）Applicant signs', params: ZIdParam, body: ZVersionOnly } }, async (req) => {
    const p = requirePermission(req, 'water-connection:sign');
    await findVisibleApplication(db, p, req.params.id);
    await signContract(db, config, p, req.params.id, req.body, req.id);
    return presentDetail(db, (await findApplicationById(db, req.params.id))!, p);
  });

  app.post('/applications/:id/contract/countersign', { schema: { tags, summary: '供水企业盖章 Utility countersigns', params: ZIdParam, body: ZVersionOnly } }, async (req) => {
    const p = requirePermission(req, 'water-connection:countersign');
    await findVisibleApplication(db, p, req.params.id);
    await countersignContract(db, config, p, req.params.id, req.body, req.id);
    return presentDetail(db, (await findApplicationById(db, req.params.id))!, p);
  });
};
