import { describe, expect, it } from 'vitest';
import { HttpProblem } from '../http/problem.js';
import { actorFromPrincipal } from './actor.js';
import { availableActions, checkAction, type ActionRequest } from './check-action.js';
import { defineProcess } from './process-registry.js';
import { roles, sampleDefinition, sampleInstance } from './workflow.fixture.js';

const process = defineProcess(sampleDefinition());
const clerk = { userId: 'u_clerk', roles: new Set([roles.clerk, 'org-user']), organizationId: 'org_window' };
const applicant = { userId: 'u_app', roles: [roles.applicant], organizationId: 'org_enterprise' };

function problemOf(fn: () => unknown): HttpProblem {
  try {
    fn();
  } catch (e) {
    if (e instanceof HttpProblem) return e;
    throw e;
  }
  throw new Error('expected an HttpProblem');
}

const req = (r: Partial<ActionRequest>): ActionRequest => ({ action: 'changeLicence', expectedVersion: 3, actor: clerk, ...r });

describe('checkAction', () => {
  it('returns the action when everything is in order', () => {
    const a = checkAction(process, sampleInstance(process.name), req({ attachments: [{ fileId: 'f1', kind: 'changeCertificate' }] }));
    expect(a.name).toBe('changeLicence');
    expect(a.to).toBe('licenceChanged');
  });

  it('answers 409 stale-version when the version moved on', () => {
    const p = problemOf(() => checkAction(process, sampleInstance(process.name, { version: 4 }), req({})));
    expect(p.status).toBe(409);
    expect(p.code).toBe('stale-version');
    expect(p.extra).toEqual({ currentVersion: 4 });
  });

  it('answers 400 for an action the process does not have', () => {
    const p = problemOf(() => checkAction(process, sampleInstance(process.name), req({ action: 'approve' })));
    expect(p.status).toBe(400);
    expect(p.errors).toEqual([expect.objectContaining({ path: 'action', code: 'unknown-action' })]);
  });

  it('answers 409 listing what this actor may do when the action is not possible in the current state', () => {
    const inst = sampleInstance(process.name, { state: 'supplementing' });
    const p = problemOf(() => checkAction(process, inst, req({})));
    expect(p.status).toBe(409);
    expect(p.code).toBe('conflict');
    expect(p.extra).toEqual({ currentState: 'supplementing', allowedActions: ['reject'] });
    const done = problemOf(() => checkAction(process, sampleInstance(process.name, { state: 'completed' }), req({ action: 'reject' })));
    expect(done.extra).toEqual({ currentState: 'completed', allowedActions: [] });
  });

  it('answers 403 for a role that may not act', () => {
    const other = { ...clerk, roles: [roles.trademarkClerk] };
    const p = problemOf(() => checkAction(process, sampleInstance(process.name), req({ actor: other })));
    expect(p.status).toBe(403);
    expect(p.code).toBe('forbidden');
  });

  it('answers 403 for a clerk of another organization, unless the action is open to any organization', () => {
    const elsewhere = { ...clerk, organizationId: 'org_other' };
    expect(problemOf(() => checkAction(process, sampleInstance(process.name), req({ actor: elsewhere }))).status).toBe(403);
    const inst = sampleInstance(process.name, { state: 'supplementing' });
    expect(checkAction(process, inst, req({ action: 'supplement', actor: applicant })).to).toBe('submitted');
  });

  it('answers 422 naming every missing field and document', () => {
    const p = problemOf(() => checkAction(process, sampleInstance(process.name), req({ attachments: [{ fileId: 'f1', kind: 'idCard' }] })));
    expect(p.status).toBe(422);
    expect(p.code).toBe('missing-required');
    expect(p.errors).toEqual([expect.objectContaining({ path: 'attachments.changeCertificate', code: 'document-required' })]);
    const r = problemOf(() => checkAction(process, sampleInstance(process.name), req({ action: 'reject', fields: { reason: '  ' } })));
    expect(r.errors?.map((e) => e.path)).toEqual(['fields.reason']);
  });

  it('checks the version before anything else', () => {
    const p = problemOf(() =>
      checkAction(process, sampleInstance(process.name, { state: 'completed' }), req({ expectedVersion: 1, actor: applicant })),
    );
    expect(p.code).toBe('stale-version');
  });
});

describe('availableActions', () => {
  it('lists the actions the actor may take now', () => {
    expect(availableActions(process, sampleInstance(process.name), clerk)).toEqual(['requestSupplement', 'changeLicence', 'reject']);
    expect(availableActions(process, sampleInstance(process.name, { state: 'supplementing' }), applicant)).toEqual(['supplement']);
    expect(availableActions(process, sampleInstance(process.name), { ...clerk, organizationId: 'org_other' })).toEqual([]);
  });
});

describe('actorFromPrincipal', () => {
  it('uses the user id, or the API key id for an institution system', () => {
    const base = { id: 'key_1', roles: new Set([roles.clerk]), organizationId: 'org_window', displayName: '窗口' };
    expect(actorFromPrincipal({ ...base, userId: 'usr_1' })).toEqual({ userId: 'usr_1', roles: base.roles, organizationId: 'org_window', name: '窗口' });
    expect(actorFromPrincipal({ ...base, userId: null }).userId).toBe('key_1');
  });
});
