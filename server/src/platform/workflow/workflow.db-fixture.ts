import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../db/index.js';
import { createOrganization, createUser, defineRoles, withUsccCheckChar } from '../identity/index.js';
import type { Actor } from './process-definition.js';
import { roles } from './workflow.fixture.js';

/** Database test support: the fixture's roles registered with identity, and organizations with users. */
defineRoles('wftest', {
  'registration-clerk': { zh: '登记窗口人员', en: 'Registration clerk', permissions: [], organizationKinds: ['government'] },
  'trademark-clerk': { zh: '商标窗口人员', en: 'Trademark clerk', permissions: [], organizationKinds: ['government'] },
});

const piiKey = Buffer.alloc(32, 7);

export async function createWindowOrganization(db: DbOrTx): Promise<string> {
  const org = await createOrganization(db, { kind: 'government', name: `测试窗口-${randomBytes(3).toString('hex')}` });
  return org.id;
}

export async function createEnterprise(db: DbOrTx): Promise<string> {
  const body = randomBytes(5).toString('hex').toUpperCase().replace(/[IOSVZ]/g, 'A').slice(0, 9);
  const org = await createOrganization(db, { kind: 'enterprise', name: `测试企业-${body}`, uscc: withUsccCheckChar(`91350100${body}`) });
  return org.id;
}

export async function createActor(db: DbOrTx, organizationId: string, roleIds: string[]): Promise<Actor> {
  const user = await createUser(db, piiKey, {
    username: `wf_${randomBytes(4).toString('hex')}`,
    displayName: '测试用户',
    password: 'Test#2026pw-long',
    organizationId,
    roles: roleIds,
  });
  return { userId: user.id, roles: roleIds, organizationId, name: user.display_name };
}

export { roles };
