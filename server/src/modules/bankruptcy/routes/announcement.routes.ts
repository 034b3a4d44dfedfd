import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission } from '../../../platform/identity/index.js';
import { renderPdf } from '../../../platform/documents/index.js';
import { contentDisposition } from '../../../platform/files/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { announcementPdfSpec, findPublicAnnouncement, presentAnnouncement, publishAnnouncement, searchAnnouncements } from '../announcement.service.js';
import { findCaseById } from '../case.repository.js';
import { ZId, ZPage, tags } from './schemas.js';

const ZKind = z.enum(['acceptance', 'meetingNotice', 'auction', 'investorRecruitment', 'distribution', 'voteResult', 'other']);

/** Announcements: published by the court or the administrator, public on the portal with a verifiable PDF. */
export const announcementRoutes: RoutePlugin = async (app, { db, config }) => {
  app.post('/cases/:id/announcements', {
    schema: { tags, summary: '发布公告 Publish an announcement', params: ZId, body: z.strictObject({ kind: ZKind, title: z.string().trim().min(2).max(200), body: z.string().trim().min(2).max(20_000) }) },
  }, async (req, reply) => {
    const p = requirePermission(req, PERM.announce);
    const row = await publishAnnouncement(db, config, p, req.params.id, req.body);
    return reply.code(201).send(presentAnnouncement(row, (await findCaseById(db, row.case_id))!));
  });

  // Public: no sign-in. Rate-limited as every public endpoint.
  const publicLimit = { rateLimit: { max: 120, timeWindow: '1 minute' } };
  app.get('/announcements', {
    config: publicLimit,
    schema: { tags, summary: '公告检索（公开）Search announcements (public)', querystring: z.object({ q: z.string().max(100).optional(), kind: ZKind.optional(), caseId: z.string().max(100).optional(), ...ZPage }) },
  }, async (req) => ({ items: await searchAnnouncements(db, req.query) }));

  app.get('/announcements/:id', { config: publicLimit, schema: { tags, summary: '公告（公开）Announcement (public)', params: ZId } }, async (req) => {
    const { a, theCase } = await findPublicAnnouncement(db, req.params.id);
    return presentAnnouncement(a, theCase);
  });

  app.get('/announcements/:id/pdf', { config: publicLimit, schema: { tags, summary: '公告 PDF（含核验二维码）Announcement PDF with QR code', params: ZId } }, async (req, reply) => {
    const { a, theCase } = await findPublicAnnouncement(db, req.params.id);
    const bytes = await renderPdf(announcementPdfSpec(config, a, theCase));
    reply.header('content-disposition', contentDisposition(`${a.title}.pdf`, 'inline'));
    if (a.pdf_sha256) reply.header('x-content-sha256', a.pdf_sha256);
    reply.type('application/pdf');
    return reply.send(Buffer.from(bytes));
  });
};
