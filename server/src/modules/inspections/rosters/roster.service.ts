/**
 * Roster import and reading. Imports upsert by id inside one transaction, after the whole sheet has passed
 * its checks; the draw reads the rosters as they stand when a plan commits.
 */
import type { DbOrTx } from '../../../platform/db/index.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import { findUserByUsername } from '../../../platform/identity/index.js';
import type { InspectorEntry, TargetEntry, TargetFlag } from '../draw/draw.types.js';
import type { CreditClass } from '../draw/draw.types.js';
import { allInspectors, allTargets, upsertInspectors, upsertTargets } from './roster.repository.js';
import type { InspectorRow, RosterImportError } from './roster-xlsx.js';

export function rosterErrorsProblem(errors: RosterImportError[]): HttpProblem {
  return new HttpProblem(
    422,
    'roster-import-invalid',
    `名录有 ${errors.length} 处错误，未导入任何内容 / ${errors.length} errors, nothing imported`,
    errors.map((e) => ({ path: e.row > 0 ? `row ${e.row}${e.field ? ` ${e.field}` : ''}` : 'file', code: e.code, message: e.message })),
    { rows: errors.map((e) => e.row) },
    ['名录库导入失败', 'Roster import failed'],
  );
}

export async function importTargets(db: DbOrTx, rows: TargetEntry[]): Promise<number> {
  const now = new Date().toISOString();
  await upsertTargets(
    db,
    rows.map((t) => ({ id: t.id, name: t.name, industry: t.industry, district: t.district, credit_class: t.creditClass, flags: JSON.stringify(t.flags), updated_at: now })),
  );
  return rows.length;
}

/** Inspectors with their login accounts resolved; an unknown account is an error of its row. */
export async function importInspectors(db: DbOrTx, rows: Array<InspectorRow & { row?: number }>): Promise<number> {
  const errors: RosterImportError[] = [];
  const userIds: Array<string | null> = [];
  for (const [k, r] of rows.entries()) {
    if (!r.username) {
      userIds.push(null);
      continue;
    }
    const u = await findUserByUsername(db, r.username);
    if (!u) errors.push({ row: r.row ?? k + 2, field: '登录账号', code: 'unknown-user', message: `账号 ${r.username} 不存在 / no such account` });
    userIds.push(u?.id ?? null);
  }
  if (errors.length > 0) throw rosterErrorsProblem(errors);
  const now = new Date().toISOString();
  await upsertInspectors(
    db,
    rows.map((p, k) => ({
      id: p.id,
      name: p.name,
      department: p.department,
      district: p.district,
      qualifications: JSON.stringify(p.qualifications),
      conflicts: JSON.stringify(p.conflicts),
      user_id: userIds[k],
      updated_at: now,
    })),
  );
  return rows.length;
}

export async function loadTargetRoster(db: DbOrTx): Promise<TargetEntry[]> {
  return (await allTargets(db)).map((r) => ({
    id: r.id,
    name: r.name,
    industry: r.industry,
    district: r.district,
    creditClass: r.credit_class as CreditClass,
    flags: JSON.parse(r.flags) as TargetFlag[],
  }));
}

export async function loadInspectorRoster(db: DbOrTx): Promise<InspectorEntry[]> {
  return (await allInspectors(db)).map((r) => ({
    id: r.id,
    name: r.name,
    department: r.department,
    district: r.district,
    qualifications: JSON.parse(r.qualifications) as string[],
    conflicts: JSON.parse(r.conflicts) as string[],
  }));
}
