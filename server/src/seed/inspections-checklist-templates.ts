/**
 * Hand-written templates for the demo checklist. A category names its subject (检查对象), main law, licence if
 * any, and either whole hand-written items or a list of duties (each becomes a yes/no check point); generic
 * items — licence, management duties, records, publicity — are filled in with the category's words. Article
 * numbers are cited only where the template knows them; generic items name the law and the subject matter.
 */

/** [question, basis, reminder] */
export type PointTemplate = readonly [string, string, string];

export interface ItemTemplate {
  name: string;
  points: readonly PointTemplate[];
  method?: string;
}

export interface CategoryTemplate {
  name: string;
  /** Who is inspected, e.g. 食品销售经营者. */
  subject: string;
  /** Main law, with book-title marks, e.g. 《中华人民共和国食品安全法》. */
  law: string;
  /** Licence or registration certificate, when the activity needs one. */
  licence?: string;
  /** GB/T 4754-2017 codes; empty = every industry. */
  industries: readonly string[];
  items?: readonly ItemTemplate[];
  /**
   * Duties phrased to follow 是否: "按规定登记旅客身份信息" → 是否按规定登记旅客身份信息？ Optionally
   * `duty|reminder|article`, the article (e.g. 第二十八条) being of the category's main law.
   */
  duties?: readonly string[];
  /** Name of the item built from the duties. */
  dutyItem?: string;
}

export interface DepartmentTemplate {
  code: string;
  name: string;
  categories: readonly CategoryTemplate[];
}

const LICENSING_LAW = '《中华人民共和国行政许可法》';

export function licenceItem(c: CategoryTemplate): ItemTemplate | undefined {
  const l = c.licence;
  if (!l) return undefined;
  return {
    name: `${l}取得及使用情况的检查`,
    method: '现场检查、书面检查',
    points: [
      [`是否依法取得${l}后再从事相关活动？`, `${c.law}；${LICENSING_LAW}第八十一条`, `未取得${l}不得开展相关经营活动，先办证、后经营。`],
      [`${l}是否在有效期内？`, `${c.law}；${LICENSING_LAW}第五十条`, '需要延续的，应当在有效期届满三十日前向发证机关提出申请。'],
      [`实际经营地址、负责人、经营项目是否与${l}载明的内容一致？`, `${c.law}；${LICENSING_LAW}第四十九条`, '名称、地址、项目等发生变化的，应当及时申请变更，不要先变后报。'],
      [`是否在${l}核定的范围内开展经营，没有超范围经营？`, `${c.law}中关于许可范围的规定`, '新增项目须先申请增加许可范围。'],
      [`是否不存在涂改、倒卖、出租、出借或者以其他方式非法转让${l}的情况？`, `${LICENSING_LAW}第八十条`, '许可证件只能由持证人本人使用。'],
      [`${l}正本是否在经营场所显著位置悬挂或者摆放？`, `${c.law}中关于亮证经营的规定`, '亮证经营便于群众监督，证件遗失应及时申请补办。'],
    ],
  };
}

export function managementItem(c: CategoryTemplate): ItemTemplate {
  const topic = `${c.law}中关于${c.subject}落实主体责任的规定`;
  return {
    name: `${c.subject}主体责任落实情况的检查`,
    method: '现场检查、书面检查',
    points: [
      [`${c.subject}是否建立与经营规模相适应的管理制度，并明确主要负责人和具体责任人？`, topic, '制度要上墙、责任要到人，负责人变动时及时调整。'],
      [`${c.subject}是否配备与经营规模相适应的专职或者兼职管理人员？`, topic, '管理人员应当熟悉本行业的法律法规和操作要求。'],
      [`${c.subject}是否定期对从业人员开展法律法规和业务知识培训，并保存培训记录？`, topic, '新员工上岗前应当先培训，培训记录写明时间、内容和参加人员。'],
      [`${c.subject}是否定期开展自查，对发现的问题及时整改并留存记录？`, topic, '建议对照本清单逐项自查，整改情况拍照留档。'],
      [`${c.subject}是否制定突发事件应急处置方案，并组织过演练？`, topic, '应急方案要写清报告电话、处置步骤和责任人。'],
      [`${c.subject}是否按要求向主管部门报告重大事项或者突发情况？`, topic, '发生事故或者重大变化时，应当按规定时限报告，不得瞒报、迟报。'],
    ],
  };
}

export function recordsItem(c: CategoryTemplate): ItemTemplate {
  const basis = `${c.law}中关于记录、档案和信息报送的规定`;
  return {
    name: `${c.subject}台账记录及档案管理的检查`,
    method: '书面检查',
    points: [
      [`${c.subject}是否建立经营或者生产台账，如实记录相关情况？`, basis, '台账可以是纸质或者电子形式，但必须真实、可追溯。'],
      [`${c.subject}的台账、票据、合同等资料是否按规定的期限保存？`, basis, '保存期限以相关法规为准，没有明确规定的，建议至少保存二年。'],
      [`${c.subject}的记录内容是否完整，无涂改、伪造、缺页？`, basis, '记录应当及时填写，更正时注明原因并签名。'],
      [`${c.subject}是否按规定向主管部门报送统计数据或者经营情况？`, basis, '报送的信息应当真实、准确、完整，并在规定时限内报送。'],
      [`监督检查时，${c.subject}是否能够如实提供有关资料，配合检查？`, basis, '拒绝、阻碍依法检查或者提供虚假材料的，将依法承担责任。'],
    ],
  };
}

export function publicityItem(c: CategoryTemplate): ItemTemplate {
  const basis = `${c.law}中关于信息公示和服务规范的规定`;
  return {
    name: `${c.subject}信息公示及服务规范的检查`,
    method: '现场检查、网络监测',
    points: [
      [`${c.subject}是否在经营场所或者网站显著位置公示营业执照等主体信息？`, `《中华人民共和国电子商务法》第十五条；${basis}`, '网上经营的，应当在首页显著位置持续公示。'],
      [`${c.subject}是否公示服务项目、收费标准和投诉电话？`, `《明码标价和禁止价格欺诈规定》；${basis}`, '收费项目要写清楚，不得收取未标明的费用。'],
      [`${c.subject}公示的信息是否真实、及时更新？`, basis, '信息变化后应当及时更新公示内容。'],
      [`${c.subject}是否建立投诉处理制度，及时处理消费者或者群众投诉？`, basis, '投诉处理情况应当记录，能当场解决的尽量当场解决。'],
      [`${c.subject}对外宣传、介绍服务内容时，是否真实准确，没有虚假或者引人误解的宣传？`, `《中华人民共和国反不正当竞争法》关于禁止虚假宣传的规定；${basis}`, '宣传用语不夸大、不虚构，承诺的事项要兑现。'],
    ],
  };
}

// Where 是否 goes in a duty phrased as a statement: before its predicate. A `^` in the duty marks the place
// explicitly; otherwise after a leading condition ("…的，" "…时，"), before the first predicate word. Words
// listed in NOT_PREDICATE contain a predicate word but are not one.
const PREDICATE_WORDS = [
  '按规定', '按照', '依法', '依照', '不', '未', '取得', '符合', '经检', '经审', '经验收', '经评审', '经专业', '经气象', '经过', '实行', '配备', '设置', '设立',
  '安装', '持有', '持证', '具备', '定期', '及时', '立即', '满足', '签订', '与', '在', '做到', '享有', '保持', '达到', '达标', '对', '向', '采取', '执行',
  '落实', '附具', '建立', '存放', '存档', '完好', '整洁', '真实', '单独', '专款', '有明显', '公开', '保存', '只在', '严格', '全程', '进行', '查验',
  '如实', '负责', '指定', '接受', '拆除', '完成', '申请', '报告', '配合', '处置', '分类', '实施', '标明', '停止', '通过', '签署', '修订', '到岗', '为',
];
const NOT_PREDICATE = ['不宜', '不动产', '在线', '对外'];

export function toQuestion(duty: string): string {
  if (duty.includes('^')) return `${duty.replace('^', '是否')}？`;
  const clause = Math.max(duty.lastIndexOf('的，'), duty.lastIndexOf('时，'), duty.lastIndexOf('前，'), duty.lastIndexOf('后，'));
  const head = clause >= 0 ? duty.slice(0, clause + 2) : '';
  const rest = clause >= 0 ? duty.slice(clause + 2) : duty;
  let at = -1;
  for (let i = 0; i < rest.length && at < 0; i++) {
    if (NOT_PREDICATE.some((w) => rest.startsWith(w, i))) continue;
    if (PREDICATE_WORDS.some((w) => rest.startsWith(w, i))) at = i;
  }
  if (at < 0) at = 0;
  return `${head}${rest.slice(0, at)}是否${rest.slice(at)}？`;
}

/** Generic reminders for duty-based points, chosen in turn, all meaningful for any duty. */
const DUTY_REMINDERS = [
  '检查时将查看现场和相关记录，未落实的应当立即整改。',
  '请保留落实情况的记录或者照片，便于自查和检查时说明。',
  '不清楚具体要求的，可以向主管部门咨询或者查阅相关标准。',
  '整改完成后，建议负责人签字确认并存档。',
  '这一项是检查的重点内容，平时就要做到位。',
];

export function dutyItem(c: CategoryTemplate): ItemTemplate | undefined {
  if (!c.duties || c.duties.length === 0) return undefined;
  return {
    name: c.dutyItem ?? `${c.name}行为的检查`,
    method: '现场检查',
    points: c.duties.map((d, k): PointTemplate => {
      const [duty, reminder, article] = d.split('|');
      const basis = article ? `${c.law}${article}` : `${c.law}中关于${c.name}的规定`;
      return [toQuestion(duty), basis, reminder || DUTY_REMINDERS[k % DUTY_REMINDERS.length]];
    }),
  };
}

/** Items a category can offer, most specific first. */
export function candidateItems(c: CategoryTemplate): ItemTemplate[] {
  return [...(c.items ?? []), dutyItem(c), licenceItem(c), managementItem(c), recordsItem(c), publicityItem(c)].filter(
    (i): i is ItemTemplate => i !== undefined,
  );
}
