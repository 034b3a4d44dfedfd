import type { Config } from '../../platform/config/index.js';
import type { Db } from '../../platform/db/index.js';
import { HttpProblem } from '../../platform/http/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { findReadableFile, grantFileAccess } from '../../platform/files/index.js';
import { getInstance } from './workflow-adapter.js';
import { findApplicationById } from './application.repository.js';
import { formatConnectionNumber } from './application-rules.js';
import { performStep } from './step.js';
import { quanzhouDistricts } from './districts.js';

async function load(db: Db, id: string) {
  const app = await findApplicationById(db, id);
  if (!app) throw new HttpProblem(404, 'not-found');
  return app;
}

export async function scheduleConstruction(db: Db, config: Config, p: Principal, id: string, input: { version: number; constructionDate: string }) {
  const app = await load(db, id);
  return db.transaction().execute(async (trx) => {
    const instance = await getInstance(trx, app.workflow_instance_id);
    return performStep(trx, config, app, {
      action: 'scheduleConstruction', expectedVersion: input.version, actor: p, fields: { constructionDate: input.constructionDate },
      keepDueDate: instance?.dueDate ?? null, ledgerData: { constructionDate: input.constructionDate },
      patch: { construction_date: input.constructionDate }, note: `施工安排在 ${input.constructionDate}`,
    });
  });
}

export async function completeConstruction(db: Db, config: Config, p: Principal, id: string, input: { version: number; photoFileIds: string[]; note?: string }) {
  const app = await load(db, id);
  const photos: Awaited<ReturnType<typeof findReadableFile>>[] = [];
  for (const fileId of input.photoFileIds) {
    const f = await findReadableFile(db, fileId, p.organizationId);
    if (!f.mime_type.startsWith('image/')) {
      throw new HttpProblem(415, 'unsupported-file-type', undefined, [{ path: 'body.photoFileIds', code: 'not-an-image', message: '施工照片须为 PNG 或 JPEG (photos must be PNG or JPEG)' }]);
    }
    photos.push(f);
  }
  return db.transaction().execute(async (trx) => {
    for (const f of photos) await grantFileAccess(trx, f.id, [app.applicant_org_id]);
    return performStep(trx, config, app, {
      action: 'completeConstruction', expectedVersion: input.version, actor: p, comment: input.note ?? null,
      attachments: photos.map((f) => ({ fileId: f.id, kind: 'photo' })),
      ledgerData: { photos: photos.map((f) => ({ fileId: f.id, sha256: f.sha256 })) },
      note: '施工完成，即将通水',
    });
  });
}

/** Water on: the meter number is recorded and the connection number issued. */
export async function turnWaterOn(db: Db, config: Config, p: Principal, id: string, input: { version: number; meterNumber: string }) {
  const app = await load(db, id);
  const regionCode = Object.entries(quanzhouDistricts).find(([, name]) => name === app.district)?.[0] ?? '350500';
  const connectionNumber = formatConnectionNumber(regionCode, app.number);
  return db.transaction().execute(async (trx) =>
    performStep(trx, config, app, {
      action: 'turnWaterOn', expectedVersion: input.version, actor: p, fields: { meterNumber: input.meterNumber },
      ledgerData: { meterNumber: input.meterNumber, connectionNumber },
      patch: { meter_number: input.meterNumber.toUpperCase(), connection_number: connectionNumber },
      note: `已通水，用户号 ${connectionNumber}，欢迎评价本次服务`,
    }),
  );
}
