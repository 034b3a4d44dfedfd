/**
 * Demo accounts and organizations of the bankruptcy module (厦门 易破), and the seed's principals.
 */
import type { Config } from '../platform/config/index.js';
import type { Db } from '../platform/db/index.js';
import { createOrganization, findOrganizationById, findOrganizationByUscc, findUserByUsername, permissionsOf, withUsccCheckChar, type Principal } from '../platform/identity/index.js';
import { bankruptcyRoles } from '../modules/bankruptcy/bankruptcy.policy.js';
import { seedAccounts, type demoAccounts } from './platform.seed.js';

/** The assistance centre is this module's own organization (not among the platform's demo organizations). */
export const ASSISTANCE_CENTRE = { key: 'bk-assistance-centre', name: '厦门市企业破产援助服务中心', uscc17: '12350200MB0K38271', regionCode: '350200', district: '思明区' };

/** Demo accounts for every role of the module (password Demo#2026; listed in the README). */
export const bankruptcyAccounts: typeof demoAccounts = [
  { username: 'bk-judge', displayName: '破产审判法官 郑晓岚', org: 'court', roles: [bankruptcyRoles.judge, bankruptcyRoles['assistance-officer']] },
  { username: 'bk-admin', displayName: '管理人 林志远（鹭江律所）', org: 'administrator-firm', roles: [bankruptcyRoles.administrator] },
  { username: 'bk-creditor', displayName: '债权人 张伟（农行龙岩分行）', org: 'bank', roles: [bankruptcyRoles.creditor] },
  { username: 'bk-creditor2', displayName: '债权人 陈雅琴（晋江茶业）', org: 'enterprise', roles: [bankruptcyRoles.creditor, 'enterprise-user'] },
  { username: 'bk-creditor3', displayName: '债权人 李建华（南平农商行）', org: 'bank2', roles: [bankruptcyRoles.creditor] },
  { username: 'bk-debtor', displayName: '债务人 黄国栋（鹭岛精密）', org: 'debtor', roles: [bankruptcyRoles.debtor, 'enterprise-user'] },
  { username: 'bk-investor', displayName: '投资人 吴晓峰（闽江新材料）', org: 'enterprise2', roles: [bankruptcyRoles.investor, 'enterprise-user'] },
  { username: 'bk-assist', displayName: '援助中心 苏婉清', org: ASSISTANCE_CENTRE.key, roles: [bankruptcyRoles['assistance-officer']] },
];

export async function ensureAssistanceCentre(db: Db, orgIds: Map<string, string>): Promise<void> {
  const uscc = withUsccCheckChar(ASSISTANCE_CENTRE.uscc17);
  const existing = await findOrganizationByUscc(db, uscc);
  const row = existing ?? (await createOrganization(db, { kind: 'government', name: ASSISTANCE_CENTRE.name, uscc, regionCode: ASSISTANCE_CENTRE.regionCode, district: ASSISTANCE_CENTRE.district }));
  orgIds.set(ASSISTANCE_CENTRE.key, row.id);
}

export async function seedBankruptcyAccounts(db: Db, config: Config, orgIds: Map<string, string>): Promise<void> {
  await ensureAssistanceCentre(db, orgIds);
  await seedAccounts(db, config, bankruptcyAccounts, orgIds);
}

/** The account as the services see a signed-in caller. */
export async function principalFor(db: Db, username: string): Promise<Principal> {
  const u = await findUserByUsername(db, username);
  if (!u) throw new Error(`seed: account ${username} missing`);
  const roles = (await db.selectFrom('user_roles').select('role').where('user_id', '=', u.id).execute()).map((r) => r.role);
  const org = (await findOrganizationById(db, u.organization_id))!;
  return {
    kind: 'user',
    id: u.id,
    userId: u.id,
    username,
    displayName: u.display_name,
    organizationId: u.organization_id,
    organizationName: org.name,
    organizationKind: org.kind,
    roles: new Set(roles),
    permissions: permissionsOf(roles),
    scopes: null,
    csrfToken: null,
  };
}
