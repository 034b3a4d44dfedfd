import type { Db } from '../platform/db/index.js';
import type { Config } from '../platform/config/index.js';
import { createOrganization, createUser, withUsccCheckChar, withResidentIdCheckChar, findOrganizationByUscc, findUserByUsername, type OrganizationKind } from '../platform/identity/index.js';

export const DEMO_PASSWORD = 'Demo#2026';

/**
 * Demo organizations in Fujian with valid 统一社会信用代码 (the 18th character computed by GB 32100-2015).
 * Codes: 9 (市场监管 registration) + 1 (企业) / 1 (机关) / 5 (社会组织) …, a real division code, an organization code.
 */
export const demoOrganizations: { key: string; kind: OrganizationKind; name: string; uscc17: string | null; regionCode: string; district: string }[] = [
  { key: 'platform', kind: 'platform', name: '福建省营商环境数字服务中心', uscc17: '12350000MB0Y12345', regionCode: '350000', district: '福州市鼓楼区' },
  { key: 'enterprise', kind: 'enterprise', name: '泉州市鲤城区晋江茶业有限公司', uscc17: '91350502MA2Y4K7Q1', regionCode: '350502', district: '鲤城区' },
  { key: 'enterprise2', kind: 'enterprise', name: '福州闽江新材料科技有限公司', uscc17: '91350102MA31R8B2X', regionCode: '350102', district: '鼓楼区' },
  { key: 'enterprise3', kind: 'enterprise', name: '莆田市荔城区永兴鞋服有限公司', uscc17: '91350304MA33C6D1L', regionCode: '350304', district: '荔城区' },
  { key: 'debtor', kind: 'enterprise', name: '厦门海沧鹭岛精密制造有限公司', uscc17: '91350205MA2XN3F0T', regionCode: '350205', district: '海沧区' },
  { key: 'water-utility', kind: 'water-utility', name: '泉州市自来水有限公司', uscc17: '91350500156582013', regionCode: '350500', district: '丰泽区' },
  { key: 'court', kind: 'court', name: '厦门市海沧区人民法院', uscc17: '11350205003655872', regionCode: '350205', district: '海沧区' },
  { key: 'administrator-firm', kind: 'administrator-firm', name: '福建鹭江律师事务所', uscc17: '31350000E00012345', regionCode: '350200', district: '思明区' },
  { key: 'bank', kind: 'bank', name: '中国农业银行股份有限公司龙岩分行', uscc17: '91350800M00004562', regionCode: '350800', district: '新罗区' },
  { key: 'bank2', kind: 'bank', name: '福建南平农村商业银行股份有限公司', uscc17: '91350700MA2Y0NPA3', regionCode: '350700', district: '延平区' },
  { key: 'guarantee', kind: 'guarantee-company', name: '南平市融资担保有限公司', uscc17: '91350700MA32KD7B0', regionCode: '350700', district: '延平区' },
  { key: 'insurer', kind: 'insurer', name: '中国人民财产保险股份有限公司龙岩市分公司', uscc17: '91350800705282460', regionCode: '350800', district: '新罗区' },
  { key: 'evaluator', kind: 'evaluator', name: '福建绿研环境评估咨询有限公司', uscc17: '91350700MA34B5R2C', regionCode: '350700', district: '延平区' },
  { key: 'amr-putian', kind: 'government', name: '莆田市市场监督管理局', uscc17: '11350300MB1947305', regionCode: '350300', district: '城厢区' },
  { key: 'amr-fuzhou', kind: 'government', name: '福州市市场监督管理局', uscc17: '11350100MB0R12864', regionCode: '350100', district: '鼓楼区' },
];

export const demoAccounts: { username: string; displayName: string; org: string; roles: string[]; residentId17?: string; phone?: string }[] = [
  { username: 'admin', displayName: '平台管理员 林海燕', org: 'platform', roles: ['platform-admin'] },
  { username: 'enterprise', displayName: '陈志明（晋江茶业）', org: 'enterprise', roles: ['enterprise-user'], residentId17: '35050219850312051', phone: '13905951234' },
];

export async function seedPlatform(db: Db, config: Config): Promise<Map<string, string>> {
  const orgIds = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    for (const o of demoOrganizations) {
      const uscc = o.uscc17 ? withUsccCheckChar(o.uscc17) : null;
      const existing = uscc ? await findOrganizationByUscc(trx, uscc) : undefined;
      const row = existing ?? (await createOrganization(trx, { kind: o.kind, name: o.name, uscc, regionCode: o.regionCode, district: o.district }));
      orgIds.set(o.key, row.id);
    }
  });
  await seedAccounts(db, config, demoAccounts, orgIds);
  return orgIds;
}

/** Creates demo accounts that do not exist yet (module seeds call this with their own accounts). */
export async function seedAccounts(db: Db, config: Config, accounts: typeof demoAccounts, orgIds: Map<string, string>) {
  for (const a of accounts) {
    if (await findUserByUsername(db, a.username)) continue;
    const organizationId = orgIds.get(a.org);
    if (!organizationId) throw new Error(`seed: unknown organization key ${a.org}`);
    await db.transaction().execute((trx) =>
      createUser(trx, config.piiKey, {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        organizationId,
        roles: a.roles,
        phone: a.phone ?? null,
        residentId: a.residentId17 ? withResidentIdCheckChar(a.residentId17) : null,
      }),
    );
  }
}
