/**
 * Publishing checklist versions and reading the one in force. A version's content never changes once
 * published, so each process keeps the serialized tree and its search index per version id; the ETag is the
 * SHA-256 of the content, so clients revalidate with If-None-Match and get 304 without a body.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../../platform/db/index.js';
import { todayInChina } from '../../../platform/calendar/index.js';
import { appendLedgerEntry } from '../../../platform/ledger/index.js';
import { newId } from '../../../platform/ids/index.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import type { ChecklistDepartment, ChecklistImportError, ChecklistVersion } from './checklist.types.js';
import { buildChecklistTree, countChecklist, flattenChecklistTree } from './checklist-tree.js';
import { ChecklistSearchIndex } from './checklist-search.js';
import { versionInEffect } from './checklist-versions.js';
import { findChecklistContent, findChecklistVersionByLabel, insertChecklistVersion, listChecklistVersions, upsertDepartment } from './checklist.repository.js';

export interface VersionSummary {
  id: string;
  version: string;
  effectiveFrom: string;
  etag: string;
  counts: ReturnType<typeof countChecklist>;
  publishedAt: string;
  ledgerIndex: number;
}

export interface LoadedVersion extends VersionSummary {
  departments: ChecklistDepartment[];
  /** The response body of GET /checklist, serialized and UTF-8 encoded once (≈ 0.8 MB for the seed). */
  body: Buffer;
  index: ChecklistSearchIndex;
}

const cache = new Map<string, LoadedVersion>();

export function importErrorsProblem(errors: ChecklistImportError[]): HttpProblem {
  return new HttpProblem(
    422,
    'checklist-import-invalid',
    `清单有 ${errors.length} 处错误，未导入任何内容 / ${errors.length} errors, nothing imported`,
    errors.map((e) => ({ path: e.row > 0 ? `row ${e.row}${e.field ? ` ${e.field}` : ''}` : (e.field ?? 'file'), code: e.code, message: e.message })),
    { rows: errors.map((e) => e.row) },
    ['抽查事项清单导入失败', 'Checklist import failed'],
  );
}

export async function publishChecklistVersion(
  db: DbOrTx,
  v: ChecklistVersion,
  actor: { userId: string; organizationId: string },
): Promise<VersionSummary> {
  const built = buildChecklistTree(flattenChecklistTree(v.departments));
  if (!built.ok) throw importErrorsProblem(built.errors);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.effectiveFrom)) {
    throw new HttpProblem(422, 'validation-failed', undefined, [{ path: 'effectiveFrom', code: 'invalid-date', message: '生效日期应为 YYYY-MM-DD / must be YYYY-MM-DD' }]);
  }
  if (await findChecklistVersionByLabel(db, v.version)) {
    throw new HttpProblem(409, 'checklist-version-exists', `版本 ${v.version} 已发布 / version already published`, undefined, undefined, ['清单版本已存在', 'Version exists']);
  }
  const content = JSON.stringify(built.departments);
  const etag = createHash('sha256').update(content).digest('hex');
  const counts = countChecklist(built.departments);
  const publishedAt = new Date().toISOString();
  const id = newId('icl');
  const { leafIndex } = await appendLedgerEntry(db, {
    type: 'inspections.checklist.published',
    subject: id,
    data: { version: v.version, effectiveFrom: v.effectiveFrom, counts },
    documentSha256: etag,
    visibleTo: { organizationIds: [actor.organizationId] },
  });
  await insertChecklistVersion(db, {
    id,
    version: v.version,
    effective_from: v.effectiveFrom,
    content,
    etag,
    counts: JSON.stringify(counts),
    published_by: actor.userId,
    published_at: publishedAt,
    ledger_index: leafIndex,
  });
  for (const d of built.departments) await upsertDepartment(db, d.code, d.name);
  return { id, version: v.version, effectiveFrom: v.effectiveFrom, etag, counts, publishedAt, ledgerIndex: leafIndex };
}

function summary(r: Awaited<ReturnType<typeof listChecklistVersions>>[number]): VersionSummary {
  return {
    id: r.id,
    version: r.version,
    effectiveFrom: r.effective_from,
    etag: r.etag,
    counts: JSON.parse(r.counts) as VersionSummary['counts'],
    publishedAt: r.published_at,
    ledgerIndex: Number(r.ledger_index),
  };
}

export async function listVersions(db: DbOrTx): Promise<VersionSummary[]> {
  return (await listChecklistVersions(db)).map(summary);
}

/** The version in force on `day` (today in China by default), or a named version. Summary only. */
export async function findVersionSummary(db: DbOrTx, opts: { day?: string; version?: string } = {}): Promise<VersionSummary | undefined> {
  const all = await listVersions(db);
  if (opts.version) return all.find((v) => v.version === opts.version);
  return versionInEffect(all, opts.day ?? todayInChina());
}

export async function loadVersion(db: DbOrTx, s: VersionSummary): Promise<LoadedVersion> {
  const hit = cache.get(s.id);
  if (hit) return hit;
  const row = await findChecklistContent(db, s.id);
  if (!row) throw new HttpProblem(404, 'not-found');
  const departments = JSON.parse(row.content) as ChecklistDepartment[];
  const body = Buffer.from(JSON.stringify({ id: s.id, version: s.version, effectiveFrom: s.effectiveFrom, counts: s.counts, ledgerIndex: s.ledgerIndex, departments }), 'utf8');
  const loaded: LoadedVersion = { ...s, departments, body, index: new ChecklistSearchIndex(departments) };
  cache.set(s.id, loaded);
  return loaded;
}

export async function requireVersion(db: DbOrTx, opts: { day?: string; version?: string } = {}): Promise<LoadedVersion> {
  const s = await findVersionSummary(db, opts);
  if (!s) throw new HttpProblem(404, 'checklist-not-published', '尚未发布抽查事项清单 / no checklist in force', undefined, undefined, ['清单未发布', 'No checklist']);
  return loadVersion(db, s);
}

export interface ChecklistNodeView {
  code: string;
  level: 'department' | 'category' | 'item' | 'checkPoint';
  title: string;
  path: Array<{ code: string; name: string; level: string }>;
  /** The node itself with everything under it. */
  node: unknown;
}

/** A node by code, with its ancestors: the target of the link every node of the mind map has. */
export function findNode(v: LoadedVersion, code: string): ChecklistNodeView | undefined {
  for (const d of v.departments) {
    if (d.code === code) return { code, level: 'department', title: d.name, path: [], node: d };
    for (const c of d.categories) {
      const p1 = [{ code: d.code, name: d.name, level: 'department' }];
      if (c.code === code) return { code, level: 'category', title: c.name, path: p1, node: c };
      for (const i of c.items) {
        const p2 = [...p1, { code: c.code, name: c.name, level: 'category' }];
        if (i.code === code) return { code, level: 'item', title: i.name, path: p2, node: i };
        for (const p of i.points) {
          if (p.code === code) return { code, level: 'checkPoint', title: p.question, path: [...p2, { code: i.code, name: i.name, level: 'item' }], node: p };
        }
      }
    }
  }
  return undefined;
}
