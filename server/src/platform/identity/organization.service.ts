import type { DbOrTx } from '../db/index.js';
import { newId } from '../ids/index.js';
import { HttpProblem } from '../http/problem.js';
import { isValidUscc } from './uscc.js';
import type { OrganizationKind } from './roles.js';
import { findOrganizationByUscc, insertOrganization } from './organization.repository.js';

export interface NewOrganization {
  kind: OrganizationKind;
  name: string;
  uscc?: string | null;
  regionCode?: string | null;
  district?: string | null;
}

/** Enterprises must carry a valid 统一社会信用代码 (GB 32100-2015); other kinds may. */
export async function createOrganization(db: DbOrTx, input: NewOrganization) {
  const uscc = input.uscc?.trim().toUpperCase() || null;
  if (input.kind === 'enterprise' && !uscc) {
    throw new HttpProblem(422, 'invalid-uscc', '企业须填写统一社会信用代码', [
      { path: 'body.uscc', code: 'required', message: '企业须填写统一社会信用代码 (required for enterprises)' },
    ]);
  }
  if (uscc && !isValidUscc(uscc)) {
    throw new HttpProblem(422, 'invalid-uscc', undefined, [
      { path: 'body.uscc', code: 'invalid-uscc', message: '统一社会信用代码校验位不正确 (check character mismatch)' },
    ]);
  }
  if (uscc && (await findOrganizationByUscc(db, uscc))) {
    throw new HttpProblem(409, 'conflict', '该统一社会信用代码已登记 (already registered)', [
      { path: 'body.uscc', code: 'duplicate', message: 'already registered' },
    ]);
  }
  const now = new Date().toISOString();
  const row = {
    id: newId('org'),
    kind: input.kind,
    name: input.name.trim(),
    uscc,
    region_code: input.regionCode ?? null,
    district: input.district ?? null,
    contact_phone_enc: null,
    created_at: now,
    updated_at: now,
  };
  await insertOrganization(db, row);
  return row;
}

export function presentOrganization(o: { id: string; kind: string; name: string; uscc: string | null; region_code: string | null; district: string | null }) {
  return { id: o.id, kind: o.kind, name: o.name, uscc: o.uscc, regionCode: o.region_code, district: o.district };
}
