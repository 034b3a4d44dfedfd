/**
 * Demo rosters for Putian: targets (检查对象名录库) with valid 统一社会信用代码, and inspectors (执法检查人员名录库)
 * tagged by department, district and qualification. Deterministic; scales from the demo (a few thousand
 * targets) to the benchmark (a million).
 */
import { withUsccCheckChar } from '../platform/identity/uscc.js';
import type { CreditClass, InspectorEntry, TargetEntry, TargetFlag } from '../modules/inspections/index.js';
import { SeededRandom } from './inspections-prng.js';

/** Putian's districts (GB/T 2260). */
export const PUTIAN_DISTRICTS = [
  { code: '350302', name: '城厢区' },
  { code: '350303', name: '涵江区' },
  { code: '350304', name: '荔城区' },
  { code: '350305', name: '秀屿区' },
  { code: '350322', name: '仙游县' },
] as const;

/** Industries common among Putian's market entities (GB/T 4754-2017 codes) with name parts. */
const INDUSTRIES: ReadonlyArray<{ code: string; suffix: string[]; weight: number }> = [
  { code: 'F52', suffix: ['商行', '超市', '便利店', '贸易有限公司'], weight: 30 },
  { code: 'H62', suffix: ['餐饮店', '小吃店', '餐饮管理有限公司', '食府'], weight: 20 },
  { code: 'C19', suffix: ['鞋业有限公司', '鞋服有限公司', '皮革制品有限公司'], weight: 10 },
  { code: 'C24', suffix: ['工艺品有限公司', '木雕工艺厂', '珠宝首饰有限公司'], weight: 8 },
  { code: 'C14', suffix: ['食品有限公司', '食品厂', '桂圆加工厂'], weight: 6 },
  { code: 'E47', suffix: ['建筑工程有限公司', '建设有限公司'], weight: 5 },
  { code: 'G54', suffix: ['运输有限公司', '物流有限公司'], weight: 5 },
  { code: 'O80', suffix: ['理发店', '美容美发店', '洗衣店'], weight: 8 },
  { code: 'Q84', suffix: ['诊所', '药店', '大药房有限公司'], weight: 4 },
  { code: 'L72', suffix: ['广告有限公司', '文化传媒有限公司'], weight: 4 },
];
const TRADE_NAMES = ['兴隆', '鸿福', '荔城', '木兰', '壶山', '妈祖', '湄洲', '九华', '天马', '凤凰', '东圳', '延寿', '绶溪', '宝峰', '金山', '瑞祥', '永兴', '海丰', '华亭', '黄石', '梧塘', '江口', '笏石', '东峤', '枫亭', '榜头', '度尾', '鲤南', '西天尾', '新度'];
const SURNAMES = ['林', '陈', '黄', '郑', '吴', '李', '王', '张', '许', '翁', '方', '蔡', '杨', '刘', '朱', '余', '宋', '徐'];
const GIVEN = ['建华', '志强', '丽萍', '海燕', '文斌', '秀英', '国平', '晓东', '美玲', '少华', '淑芳', '俊杰', '雅婷', '金水', '清泉', '玉兰', '明辉', '福生'];

/** Credit class shares in a typical roster: mostly low and medium risk (A 40%, B 45%, C 12%, D 3%). */
function creditClass(r: SeededRandom): CreditClass {
  const x = r.next();
  return x < 0.4 ? 'A' : x < 0.85 ? 'B' : x < 0.97 ? 'C' : 'D';
}

function flags(r: SeededRandom): TargetFlag[] {
  const out: TargetFlag[] = [];
  if (r.chance(0.03)) out.push('complaint');
  if (r.chance(0.02)) out.push('abnormalOperation');
  if (r.chance(0.002)) out.push('seriousViolation');
  return out;
}

const ORG_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function generateTargets(count: number, seed = 20260301): TargetEntry[] {
  const r = new SeededRandom(seed);
  const totalWeight = INDUSTRIES.reduce((a, b) => a + b.weight, 0);
  const out: TargetEntry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let w = r.int(totalWeight);
    let ind = INDUSTRIES[0];
    for (const x of INDUSTRIES) {
      if (w < x.weight) {
        ind = x;
        break;
      }
      w -= x.weight;
    }
    const district = PUTIAN_DISTRICTS[r.int(PUTIAN_DISTRICTS.length)];
    // 9 (registered by market regulation) + 1/2 (enterprise / individual business) + division code + a unique serial.
    let serial = '';
    for (let n = i, k = 0; k < 8; k++, n = Math.floor(n / 31)) serial = ORG_CHARS[n % 31] + serial;
    const kind = ind.suffix[0].endsWith('公司') || r.chance(0.5) ? '1' : '2';
    const uscc = withUsccCheckChar(`9${kind}${district.code}M${serial}`);
    out[i] = {
      id: uscc,
      name: `莆田市${district.name}${r.pick(TRADE_NAMES)}${r.pick(ind.suffix)}`,
      industry: ind.code,
      district: district.code,
      creditClass: creditClass(r),
      flags: flags(r),
    };
  }
  // Rosters are kept in canonical (id) order, as stored; the draw then need not sort them.
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface InspectorDepartment {
  code: string;
  qualifications: string[];
}

/** `perDistrict` inspectors for every department and district; some declare conflicts with random targets. */
export function generateInspectors(departments: readonly InspectorDepartment[], perDistrict: number, targets: readonly TargetEntry[], seed = 20260302): InspectorEntry[] {
  const r = new SeededRandom(seed);
  const out: InspectorEntry[] = [];
  for (const d of departments) {
    for (const district of PUTIAN_DISTRICTS) {
      for (let i = 0; i < perDistrict; i++) {
        const conflicts = targets.length > 0 && r.chance(0.05) ? [r.pick(targets).id] : [];
        out.push({
          id: `${d.code}-${district.code}-${String(i + 1).padStart(3, '0')}`,
          name: r.pick(SURNAMES) + r.pick(GIVEN),
          department: d.code,
          district: district.code,
          qualifications: ['general', ...d.qualifications.filter(() => r.chance(0.7))],
          conflicts,
        });
      }
    }
  }
  return out;
}
