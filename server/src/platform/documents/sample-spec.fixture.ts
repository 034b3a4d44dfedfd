import type { PdfDocumentSpec } from './document.types.js';
import { fenToChineseCapitals, formatYuan, verificationUrl } from './format.js';

/**
 * A realistic two-page document (破产财产分配方案, first distribution) shared by the tests and the benchmark:
 * masthead, key–value form, paragraphs with mixed Chinese/Latin text, a creditor table long enough to run
 * onto page 2, a total row, signatures and the verification QR code.
 */
const SURNAMES = ['陈', '林', '黄', '张', '李', '王', '吴', '刘', '蔡', '杨', '许', '郑', '谢', '洪', '郭'];
const GIVEN = ['志强', '丽华', '建国', '秀英', '海峰', '美玲', '文斌', '晓燕', '国栋', '雅婷', '振华', '淑芬'];
const COMPANIES = ['厦门海沧港务物流有限公司', '福建省闽南建筑工程有限公司', '中国建设银行股份有限公司厦门分行', '厦门象屿供应链股份有限公司', '泉州安溪铁观音茶业有限公司'];
const KINDS = ['职工债权', '税款债权', '普通债权', '有财产担保债权'];

export interface SampleRow {
  name: string;
  kind: string;
  allowedFen: number;
  paidFen: number;
}

export function sampleRows(count: number): SampleRow[] {
  const rows: SampleRow[] = [];
  for (let i = 0; i < count; i++) {
    const company = i % 4 === 3;
    const name = company ? COMPANIES[i % COMPANIES.length]! : SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!;
    const allowedFen = 1_000_00 * ((i * 37) % 97 + 3) + (i * 1234) % 100_00;
    const kind = KINDS[i % KINDS.length]!;
    const rate = kind === '职工债权' || kind === '有财产担保债权' ? 10_000 : kind === '税款债权' ? 6_000 : 1_850;
    rows.push({ name, kind, allowedFen, paidFen: Math.floor((allowedFen * rate) / 10_000) });
  }
  return rows;
}

export function sampleSpec(rowCount = 40): PdfDocumentSpec {
  const rows = sampleRows(rowCount);
  const totalAllowed = rows.reduce((s, r) => s + r.allowedFen, 0);
  const totalPaid = rows.reduce((s, r) => s + r.paidFen, 0);
  return {
    masthead: '厦门鹭江机械制造有限公司管理人',
    title: '破产财产分配方案（第一次分配）',
    subtitle: '(2026)闽02破12号',
    author: '厦门鹭江机械制造有限公司管理人',
    subject: '破产财产分配方案',
    keywords: ['破产', '分配方案', 'distributionPlan'],
    createdAt: '2026-08-30T02:00:00Z',
    verification: { url: verificationUrl('https://yingshang.example.gov.cn', 123), caption: '扫码核验真伪' },
    footer: '本文书经电子签章，与纸质文书具有同等法律效力（国务院令第716号）。',
    blocks: [
      {
        type: 'keyValue',
        rows: [
          { key: '债务人', value: '厦门鹭江机械制造有限公司' },
          { key: '统一社会信用代码', value: '91350200MA2XYZ1234' },
          { key: '受理法院', value: '厦门市中级人民法院' },
          { key: '受理日期', value: '2026年3月2日' },
          { key: '管理人', value: '福建天衡联合律师事务所' },
          { key: '案件编号', value: 'BK-20260302-0012' },
          { key: '住所地', value: '福建省厦门市海沧区海沧街道沧林东路2888号鹭江工业园3号厂房（Building 3, Lujiang Industrial Park）', span: true },
        ],
      },
      { type: 'heading', text: '一、分配依据' },
      {
        type: 'paragraph',
        text:
          '根据《中华人民共和国企业破产法》第一百一十三条、第一百一十五条的规定，管理人拟订本破产财产分配方案。' +
          '破产财产在优先清偿破产费用和共益债务后，依照下列顺序清偿：（一）职工债权；（二）税款债权；（三）普通破产债权。' +
          '破产财产不足以清偿同一顺序的清偿要求的，按照比例分配。本方案经债权人会议表决通过（表决记录见 ledger leaf #123）后，提请人民法院裁定认可。',
      },
      { type: 'heading', text: '二、可供分配的破产财产' },
      {
        type: 'paragraph',
        text: `截至2026年8月20日，管理人通过网络司法拍卖处置设备、存货及应收账款，共变现 ${formatYuan(totalAllowed)} 元（${fenToChineseCapitals(totalAllowed)}），扣除破产费用及共益债务后用于本次分配。`,
      },
      { type: 'heading', text: '三、债权分配明细' },
      {
        type: 'table',
        caption: '债权分配明细表',
        columns: [
          { header: '序号', width: 0.7, align: 'center' },
          { header: '债权人', width: 3 },
          { header: '债权性质', width: 1.9, align: 'center' },
          { header: '确认债权额（元）', width: 2, align: 'right' },
          { header: '本次分配额（元）', width: 2, align: 'right' },
        ],
        rows: [
          ...rows.map((r, i) => [String(i + 1), r.name, r.kind, formatYuan(r.allowedFen), formatYuan(r.paidFen)]),
          ['', '合计', '', formatYuan(totalAllowed), formatYuan(totalPaid)],
        ],
        totalRow: true,
      },
      { type: 'heading', text: '四、分配方式' },
      {
        type: 'paragraph',
        text: '分配款项通过资金监管账户以银行转账方式支付至债权人申报的收款账户。诉讼未决债权对应的分配额予以提存，自破产程序终结之日起满二年仍不能受领的，由人民法院将提存的分配额分配给其他债权人。',
      },
      {
        type: 'signatures',
        parties: [
          { role: '管理人', name: '福建天衡联合律师事务所' },
          { role: '债权人委员会', name: '主席：陈志强', seal: false },
        ],
        date: '2026-08-30',
      },
    ],
  };
}
