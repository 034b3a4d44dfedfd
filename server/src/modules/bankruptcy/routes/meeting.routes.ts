import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal } from '../../../platform/identity/index.js';
import { PERM } from '../bankruptcy.policy.js';
import { loadCase } from '../case-access.js';
import { findMeetingsByCase } from '../meeting.repository.js';
import {
  addAgendaItem,
  castOnlineBallot,
  closeItem,
  createRevote,
  keyPaperBallot,
  liveTally,
  meetingDetail,
  myBallotReceipt,
  myBallots,
  presentBallot,
  presentItem,
  presentMeeting,
  scheduleMeeting,
  signIn,
} from '../meeting.service.js';
import { ZChoice, ZDate, ZFen, ZId, ZInstant, ZResolutionKind, ZVotingGroup, tags } from './schemas.js';

export const ZScheduleMeetingRequest = z.strictObject({
  title: z.string().trim().min(2).max(200),
  meetingOn: ZDate,
  startsAt: ZInstant,
  place: z.string().trim().min(2).max(300),
  noticeSentOn: ZDate,
});

export const ZAgendaItemRequest = z.strictObject({
  kind: ZResolutionKind,
  title: z.string().trim().min(2).max(300),
  opensAt: ZInstant,
  closesAt: ZInstant,
  ballotPolicy: z.enum(['finalOnCast', 'changeableUntilClose']).optional(),
  smallClaimsThresholdFen: ZFen.optional(),
  shareholders: z
    .array(z.strictObject({ organizationId: z.string().min(1).max(100), name: z.string().trim().min(1).max(200), votingRightsUnits: z.number().int() }))
    .max(1000)
    .optional(),
});

/** Creditors' meetings: scheduling (Arts. 62–63), sign-in, agenda items, ballots, live tally, result, re-vote. */
export const meetingRoutes: RoutePlugin = async (app, { db, config }) => {
  app.get('/cases/:id/meetings', { schema: { tags, summary: '债权人会议 Meetings of a case', params: ZId } }, async (req) => {
    const p = requirePrincipal(req);
    await loadCase(db, p, req.params.id);
    return { items: (await findMeetingsByCase(db, req.params.id)).map(presentMeeting) };
  });

  app.post('/cases/:id/meetings', { schema: { tags, summary: '召集债权人会议 Schedule a meeting (15-day notice, Art. 63)', params: ZId, body: ZScheduleMeetingRequest } }, async (req, reply) => {
    const row = await scheduleMeeting(db, requirePrincipal(req), req.params.id, req.body);
    return reply.code(201).send(presentMeeting(row));
  });

  app.get('/meetings/:id', { schema: { tags, summary: '会议详情 Meeting with its agenda', params: ZId } }, async (req) => meetingDetail(db, requirePrincipal(req), req.params.id));

  app.post('/meetings/:id/sign-in', { schema: { tags, summary: '签到 Sign in', params: ZId } }, async (req) => signIn(db, requirePermission(req, PERM.vote), req.params.id));

  app.post('/meetings/:id/items', { schema: { tags, summary: '新增表决事项 Put an item to the vote', params: ZId, body: ZAgendaItemRequest } }, async (req, reply) => {
    const row = await addAgendaItem(db, requirePermission(req, PERM.administer), req.params.id, req.body);
    return reply.code(201).send(presentItem(row));
  });

  app.post('/items/:id/ballots', {
    schema: { tags, summary: '网络投票 Vote online', params: ZId, body: z.strictObject({ choice: ZChoice, group: ZVotingGroup.optional() }) },
  }, async (req, reply) => reply.code(201).send(presentBallot(await castOnlineBallot(db, requirePrincipal(req), req.params.id, req.body))));

  app.post('/items/:id/paper-ballots', {
    schema: {
      tags,
      summary: '录入纸质表决票 Key in a paper ballot with its scan',
      params: ZId,
      body: z.strictObject({ voterId: z.string().min(1).max(120), choice: ZChoice, group: ZVotingGroup.optional(), scanFileId: z.string().min(1).max(100) }),
    },
  }, async (req, reply) => reply.code(201).send(presentBallot(await keyPaperBallot(db, requirePermission(req, PERM.administer), req.params.id, req.body))));

  app.get('/items/:id/ballots/mine', { schema: { tags, summary: '我的投票 My ballots on the item', params: ZId } }, async (req) => ({ items: await myBallots(db, requirePrincipal(req), req.params.id) }));

  app.get('/items/:id/ballots/mine/receipt', {
    schema: { tags, summary: '投票存证回执 Ledger receipt of my ballot', params: ZId, querystring: z.object({ group: ZVotingGroup.optional() }) },
  }, async (req) => myBallotReceipt(db, config, requirePrincipal(req), req.params.id, req.query.group));

  app.get('/items/:id/tally', { schema: { tags, summary: '实时计票 Live tally', params: ZId } }, async (req) => liveTally(db, requirePrincipal(req), req.params.id));

  app.post('/items/:id/close', { schema: { tags, summary: '结束表决并计算结果 Close and decide', params: ZId } }, async (req) => closeItem(db, requirePermission(req, PERM.administer), req.params.id));

  app.post('/items/:id/revote', {
    schema: {
      tags,
      summary: '再次表决 Second vote (Art. 65 ¶2, Art. 87 ¶1)',
      params: ZId,
      body: z.strictObject({ meetingId: z.string().max(100).optional(), title: z.string().trim().max(300).optional(), opensAt: ZInstant, closesAt: ZInstant, ballotPolicy: z.enum(['finalOnCast', 'changeableUntilClose']).optional() }),
    },
  }, async (req, reply) => reply.code(201).send(presentItem(await createRevote(db, requirePermission(req, PERM.administer), req.params.id, req.body))));
};
