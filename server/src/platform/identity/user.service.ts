import type { DbOrTx } from '../db/index.js';
import { newId } from '../ids/index.js';
import { HttpProblem, type FieldError } from '../http/problem.js';
import { hashPassword, passwordProblem } from './password.js';
import { encryptPii, matchHash } from './pii.js';
import { maskPhone, maskResidentId, residentIdProblem } from './resident-id.js';
import { findRole } from './roles.js';
import { findOrganizationById } from './organization.repository.js';
import { findUserByUsername, insertUser } from './user.repository.js';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  organizationId: string;
  roles: string[];
  phone?: string | null;
  residentId?: string | null;
}

const residentIdMessages = {
  format: '身份证号码应为 18 位 (18 characters)',
  'birth-date': '身份证号码中的出生日期无效 (invalid birth date)',
  'check-char': '身份证号码校验位不正确 (check character mismatch)',
} as const;

export async function createUser(db: DbOrTx, piiKey: Buffer, input: NewUser) {
  const org = await findOrganizationById(db, input.organizationId);
  if (!org) throw new HttpProblem(404, 'not-found', '机构不存在 (organization not found)');
  const errors: FieldError[] = [];
  const pw = passwordProblem(input.password);
  if (pw) errors.push({ path: 'body.password', code: 'weak-password', message: pw });
  for (const role of input.roles) {
    const def = findRole(role);
    if (!def) errors.push({ path: 'body.roles', code: 'unknown-role', message: `未知角色 unknown role ${role}` });
    else if (!def.organizationKinds.includes(org.kind)) {
      errors.push({ path: 'body.roles', code: 'role-not-for-organization', message: `角色 ${role} 不适用于该类机构 (not for ${org.kind})` });
    }
  }
  if (errors.length) throw new HttpProblem(422, 'unprocessable', undefined, errors);
  const residentId = input.residentId?.trim().toUpperCase() || null;
  if (residentId) {
    const problem = residentIdProblem(residentId);
    if (problem) {
      throw new HttpProblem(422, 'invalid-resident-id', undefined, [
        { path: 'body.residentId', code: `resident-id-${problem}`, message: residentIdMessages[problem] },
      ]);
    }
  }
  if (await findUserByUsername(db, input.username)) {
    throw new HttpProblem(409, 'conflict', '用户名已存在 (username taken)', [
      { path: 'body.username', code: 'duplicate', message: 'username taken' },
    ]);
  }
  const now = new Date().toISOString();
  const row = {
    id: newId('usr'),
    username: input.username,
    display_name: input.displayName,
    password_hash: await hashPassword(input.password),
    organization_id: org.id,
    phone_enc: input.phone ? encryptPii(piiKey, input.phone) : null,
    phone_masked: input.phone ? maskPhone(input.phone) : null,
    resident_id_enc: residentId ? encryptPii(piiKey, residentId) : null,
    resident_id_hash: residentId ? matchHash(piiKey, residentId) : null,
    resident_id_masked: residentId ? maskResidentId(residentId) : null,
    failed_logins: 0,
    locked_until: null,
    disabled: 0,
    created_at: now,
    updated_at: now,
  };
  await insertUser(db, row, input.roles);
  return row;
}
