import { createHash } from 'node:crypto';
import { todayInChina } from '../../platform/calendar/index.js';
import type { Config } from '../../platform/config/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { formatDateZh, renderPdf, type PdfDocumentSpec } from '../../platform/documents/index.js';
import { forbidden, notFound } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { problem } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCase } from './case-access.js';
import type { CaseRow } from './case.table.js';
import { findCaseById } from './case.repository.js';
import type { AnnouncementKind, AnnouncementRow } from './announcement.table.js';
import './announcement.table.js';

export const ANNOUNCEMENT_KIND_ZH: Record<AnnouncementKind, string> = {
  acceptance: '受理破产申请公告',
  meetingNotice: '债权人会议通知',
  auction: '拍卖公告',
  investorRecruitment: '重整投资人招募公告',
  distribution: '破产财产分配公告',
  voteResult: '表决结果公告',
  other: '公告',
};

/** Where anyone can check an announcement: the QR code on its PDF opens this page. */
export function announcementVerifyUrl(config: Config, id: string): string {
  return `${config.publicUrl.replace(/\/+$/, '')}/bankruptcy/announcements/${id}`;
}

/**
 * The PDF is a pure function of the stored record (dated by `published_at`), so it is rendered on demand and
 * always has the SHA-256 that was put on the ledger when it was published.
 */
export function announcementPdfSpec(config: Config, a: AnnouncementRow, theCase: CaseRow): PdfDocumentSpec {
  return {
    title: a.title,
    subtitle: theCase.case_number ?? theCase.application_number,
    masthead: a.issuer_name,
    author: a.issuer_name,
    subject: ANNOUNCEMENT_KIND_ZH[a.kind],
    keywords: ['破产', ANNOUNCEMENT_KIND_ZH[a.kind], theCase.debtor_name],
    createdAt: a.published_at,
    blocks: [
      {
        type: 'keyValue',
        rows: [
          { key: '案号', value: theCase.case_number ?? theCase.application_number },
          { key: '公告类型', value: ANNOUNCEMENT_KIND_ZH[a.kind] },
          { key: '债务人', value: theCase.debtor_name, span: true },
          { key: '统一社会信用代码', value: theCase.debtor_uscc },
          { key: '发布日期', value: formatDateZh(a.published_at) },
        ],
      },
      ...a.body
        .split(/\n{2,}/)
        .map((t) => t.trim())
        .filter(Boolean)
        .map((text) => ({ type: 'paragraph' as const, text })),
      { type: 'signatures', parties: [{ role: a.issuer_kind === 'court' ? '人民法院' : '管理人', name: a.issuer_name }], date: todayInChina(new Date(a.published_at)) },
    ],
    footer: `公告编号 ${a.id}`,
    verification: { url: announcementVerifyUrl(config, a.id), caption: '扫码核验' },
  };
}

/**
 * The court or the administrator publishes an announcement (EBL Art. 14 acceptance, Art. 63 meeting notice,
 * auctions, investor recruitment, Art. 116 distribution, SPC III Art. 11 results): public on the portal, a PDF
 * with a QR code for verification, and its hash on the ledger.
 */
export async function publishAnnouncement(db: Db, config: Config, p: Principal, caseId: string, input: { kind: AnnouncementKind; title: string; body: string }) {
  const { row: theCase, relations } = await loadCase(db, p, caseId);
  const issuerKind = relations.has('court') ? 'court' : relations.has('administrator') ? 'administrator' : null;
  if (!issuerKind) throw forbidden('仅受理法院或本案管理人可发布公告 (the court or the administrator of the case only)');
  if (theCase.stage === 'applied' || theCase.stage === 'rejected') throw problem(409, 'case-not-accepted', '案件尚未受理 (not accepted)');
  const now = new Date().toISOString();
  const row: AnnouncementRow = {
    id: newId('bka'),
    case_id: theCase.id,
    kind: input.kind,
    issuer_kind: issuerKind,
    issuer_organization_id: p.organizationId,
    issuer_name: p.organizationName,
    title: input.title.trim(),
    body: input.body.trim(),
    published_at: now,
    pdf_sha256: null,
    ledger_index: null,
    created_at: now,
  };
  const pdf = await renderPdf(announcementPdfSpec(config, row, theCase));
  row.pdf_sha256 = createHash('sha256').update(pdf).digest('hex');
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('bk_announcements').values(row).execute();
    if (input.kind === 'acceptance' && !theCase.acceptance_announced_on) {
      await trx.updateTable('bk_cases').set({ acceptance_announced_on: todayInChina(new Date(now)) }).where('id', '=', theCase.id).execute();
    }
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.announcement.published',
      subject: row.id,
      data: { caseNumber: theCase.case_number, kind: row.kind, title: row.title, issuer: row.issuer_name, publishedAt: now },
      documentSha256: row.pdf_sha256!,
      visibleTo: { organizationIds: [p.organizationId, ...caseOfficerOrgs(theCase)] },
    });
    await trx.updateTable('bk_announcements').set({ ledger_index: leafIndex }).where('id', '=', row.id).execute();
    return { ...row, ledger_index: leafIndex };
  });
}

export async function searchAnnouncements(db: DbOrTx, f: { q?: string; kind?: AnnouncementKind; caseId?: string; limit: number; offset: number }) {
  let q = db
    .selectFrom('bk_announcements as a')
    .innerJoin('bk_cases as c', 'c.id', 'a.case_id')
    .select(['a.id', 'a.case_id', 'a.kind', 'a.issuer_kind', 'a.issuer_name', 'a.title', 'a.published_at', 'a.pdf_sha256', 'a.ledger_index', 'c.case_number', 'c.debtor_name'])
    .where('c.stage', 'not in', ['applied', 'rejected']);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.caseId) q = q.where('a.case_id', '=', f.caseId);
  if (f.q) {
    const like = `%${f.q}%`;
    q = q.where((eb) => eb.or([eb('a.title', 'like', like), eb('c.debtor_name', 'like', like), eb('c.case_number', 'like', like)]));
  }
  const rows = await q.orderBy('a.published_at', 'desc').orderBy('a.id', 'desc').limit(f.limit).offset(f.offset).execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    debtorName: r.debtor_name,
    kind: r.kind,
    kindZh: ANNOUNCEMENT_KIND_ZH[r.kind],
    issuerKind: r.issuer_kind,
    issuerName: r.issuer_name,
    title: r.title,
    publishedAt: r.published_at,
    pdfSha256: r.pdf_sha256,
    ledgerIndex: r.ledger_index,
  }));
}

/** One announcement with its case, for the public (only accepted cases have announcements to show). */
export async function findPublicAnnouncement(db: DbOrTx, id: string): Promise<{ a: AnnouncementRow; theCase: CaseRow }> {
  const a = await db.selectFrom('bk_announcements').selectAll().where('id', '=', id).executeTakeFirst();
  const theCase = a ? await findCaseById(db, a.case_id) : undefined;
  if (!a || !theCase || theCase.stage === 'applied' || theCase.stage === 'rejected') throw notFound('公告不存在 (no such announcement)');
  return { a, theCase };
}

export function presentAnnouncement(a: AnnouncementRow, theCase: CaseRow) {
  return {
    id: a.id,
    caseId: a.case_id,
    caseNumber: theCase.case_number,
    debtorName: theCase.debtor_name,
    kind: a.kind,
    kindZh: ANNOUNCEMENT_KIND_ZH[a.kind],
    issuerKind: a.issuer_kind,
    issuerName: a.issuer_name,
    title: a.title,
    body: a.body,
    publishedAt: a.published_at,
    pdfSha256: a.pdf_sha256,
    ledgerIndex: a.ledger_index,
  };
}
