import {
  EnvironmentOutlined,
  ExperimentOutlined,
  FileSearchOutlined,
  PayCircleOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import type { ComponentType, CSSProperties } from 'react';
import type { Bilingual } from '../shared/i18n.js';

/**
 * The eight business modules as the web shell sees them. To switch a module's pages on, its helper changes
 * one line: `page: null` → `page: () => import('../modules/<id>/<id>.routes.js')`. That file's default export
 * is a component rendering the module's own <Routes> (relative paths) under `path`; it decides which of
 * its pages are public and guards the others with <RequireAuth roles={…}> from shared/auth.
 * `menu` adds sub-items to the side navigation, each shown only to the roles listed (none = everyone).
 */
export interface ModuleMenuItem {
  /** Absolute path, under the module's path. */
  path: string;
  label: Bilingual;
  /** Role ids that see the item; `module.*` matches any role of that module; omitted = everyone. */
  roles?: string[];
}

export interface ModuleEntry {
  id: string;
  path: string;
  /** City and the reform's own name, as on the portal card. */
  city: Bilingual;
  reform: Bilingual;
  /** The service in plain words (menu label). */
  name: Bilingual;
  summary: Bilingual;
  icon: ComponentType<{ style?: CSSProperties; className?: string }>;
  color: string;
  page: null | (() => Promise<{ default: ComponentType }>);
  menu?: ModuleMenuItem[];
}

export const modules: ModuleEntry[] = [
  {
    id: 'licence-change',
    path: '/licence-change',
    city: ['福州', 'Fuzhou'],
    reform: ['窗口融通', 'One-window change'],
    name: ['执照商标同步变更', 'Licence & trademark change'],
    summary: [
      '营业执照名称、住所变更时，一次申请同步变更全部注册商标的注册人名义与地址。',
      "Change the business licence and every registered trademark's registrant name and address in one application.",
    ],
    icon: SwapOutlined,
    color: '#1677ff',
    page: null,
  },
  {
    id: 'bankruptcy',
    path: '/bankruptcy',
    city: ['厦门', 'Xiamen'],
    reform: ['易破', 'Easy Bankruptcy'],
    name: ['智慧破产', 'Smart bankruptcy'],
    summary: [
      '破产案件全流程在线办理：债权申报与审查、债权人会议表决、资金监管与财产处置。',
      'Bankruptcy cases online: claim filing and review, creditor meetings and votes, fund supervision, asset disposal.',
    ],
    icon: ReconciliationOutlined,
    color: '#722ed1',
    page: () => import('../modules/bankruptcy/bankruptcy.routes.js'),
    menu: [
      { path: '/bankruptcy', label: ['公告与入口', 'Portal'] },
      { path: '/bankruptcy/cases', label: ['我的案件', 'My cases'], roles: ['bankruptcy.*'] },
      { path: '/bankruptcy/dashboard', label: ['审判看板', 'Court dashboard'], roles: ['bankruptcy.judge'] },
      { path: '/bankruptcy/registry', label: ['危困企业与预重整', 'Pre-case registry'], roles: ['bankruptcy.assistance-officer', 'bankruptcy.judge'] },
    ],
  },
  {
    id: 'ip-matrix',
    path: '/ip-matrix',
    city: ['漳州', 'Zhangzhou'],
    reform: ['知识产权保护矩阵', 'IP protection matrix'],
    name: ['知识产权保护', 'IP protection'],
    summary: [
      '专利、商标、著作权一站管理：到期提醒、区块链存证、质押融资与联合执法。',
      'Patents, trademarks and copyright in one place: renewal reminders, evidence deposits, pledge financing, joint enforcement.',
    ],
    icon: SafetyCertificateOutlined,
    color: '#fa8c16',
    page: null,
  },
  {
    id: 'water-connection',
    path: '/water-connection',
    city: ['泉州', 'Quanzhou'],
    reform: ['用水报装', 'Water connection'],
    name: ['用水报装', 'Water connection'],
    summary: [
      '线上申请用水报装，营商服务经理全程跟办，现场勘察、在线签约、施工通水限时办结。',
      'Apply online for a water connection; a service manager follows it through survey, online contract, construction and water-on.',
    ],
    icon: ExperimentOutlined,
    color: '#13a8a8',
    page: () => import('../modules/water-connection/water-connection.routes.js'),
    menu: [
      { path: '/water-connection/track', label: ['进度查询', 'Track'] },
      { path: '/water-connection/apply', label: ['我要报装', 'Apply'], roles: ['water-connection.applicant'] },
      { path: '/water-connection/my', label: ['我的申请', 'My applications'], roles: ['water-connection.applicant'] },
      { path: '/water-connection/work', label: ['工作台', 'Work list'], roles: ['water-connection.service-manager', 'water-connection.construction', 'water-connection.supervisor'] },
      { path: '/water-connection/assisted', label: ['帮代办', 'Assisted filing'], roles: ['water-connection.service-manager'] },
      { path: '/water-connection/dashboard', label: ['监管看板', 'Dashboard'], roles: ['water-connection.supervisor'] },
    ],
  },
  {
    id: 'enforcement',
    path: '/enforcement',
    city: ['三明', 'Sanming'],
    reform: ['四张清单', 'Four lists'],
    name: ['柔性执法', 'Flexible enforcement'],
    summary: [
      '不予、减轻、从轻处罚及免予行政强制四张清单，首违不罚，说服教育与行政指导留痕。',
      'The no-, reduced- and lighter-penalty lists and the no-compulsion list: first violations excused, education on record.',
    ],
    icon: ScheduleOutlined,
    color: '#d4380d',
    page: null,
  },
  {
    id: 'inspections',
    path: '/inspections',
    city: ['莆田', 'Putian'],
    reform: ['自己管 网上查', 'Self-check, online inspection'],
    name: ['双随机 一公开', 'Random inspections'],
    summary: [
      '抽查事项清单公开，检查对象与执法人员随机抽取、过程可复核，企业在线自查。',
      'A public checklist, an auditable random draw of entities and inspectors, and online self-checks for enterprises.',
    ],
    icon: FileSearchOutlined,
    color: '#2f54eb',
    page: () => import('../modules/inspections/inspections.routes.js'),
    menu: [
      { path: '/inspections/checklist', label: ['清单导图', 'Checklist map'] },
      { path: '/inspections/self-check', label: ['企业自查', 'Self-check'], roles: ['enterprise-user', 'inspections.self-checker'] },
      { path: '/inspections/tasks', label: ['我的检查任务', 'My inspections'], roles: ['inspections.inspector'] },
      { path: '/inspections/plans', label: ['抽查计划', 'Plans'], roles: ['inspections.planner'] },
      { path: '/inspections/dashboard', label: ['统计', 'Dashboard'], roles: ['inspections.planner', 'inspections.checklist-admin'] },
      { path: '/inspections/results', label: ['结果公示', 'Results'] },
    ],
  },
  {
    id: 'green-loan',
    path: '/green-loan',
    city: ['南平', 'Nanping'],
    reform: ['绿色转型贷', 'Green transition loan'],
    name: ['绿色转型贷', 'Green transition loan'],
    summary: [
      '绿色项目推介清单、第三方评估、银行一周内审批，担保与增信资金池分担风险。',
      'Recommended green projects, third-party evaluation, a bank decision within a week, guarantees and a credit-enhancement pool.',
    ],
    icon: EnvironmentOutlined,
    color: '#389e0d',
    page: null,
  },
  {
    id: 'inclusive-finance',
    path: '/inclusive-finance',
    city: ['龙岩', 'Longyan'],
    reform: ['数字普惠金融', 'Digital inclusive finance'],
    name: ['普惠金融服务', 'Inclusive finance'],
    summary: [
      '授权公共信用数据，融资需求智能撮合、秒批授信，首贷、乡村振兴等特色专栏。',
      'Consent to share public credit data, matched financing requests and instant decisions, special columns for first loans and rural revitalisation.',
    ],
    icon: PayCircleOutlined,
    color: '#c41d7f',
    page: null,
  },
];

export function findModule(id: string): ModuleEntry | undefined {
  return modules.find((m) => m.id === id);
}
