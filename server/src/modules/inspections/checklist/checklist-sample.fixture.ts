/** A small two-department checklist for unit tests. */
import type { ChecklistDepartment } from './checklist.types.js';

export const sampleChecklist: ChecklistDepartment[] = [
  {
    code: 'SJ',
    name: '莆田市市场监督管理局',
    categories: [
      {
        code: 'SJ-01',
        name: '食品销售',
        items: [
          {
            code: 'SJ-01-01',
            name: '食品经营许可情况的检查',
            industries: ['F52', 'H62'],
            method: '现场检查',
            points: [
              { code: 'SJ-01-01-001', question: '是否依法取得食品经营许可证？', basis: '《中华人民共和国食品安全法》第三十五条', reminder: '未取得许可不得从事食品销售。' },
              { code: 'SJ-01-01-002', question: '食品经营许可证是否在有效期内？', basis: '《中华人民共和国行政许可法》第五十条', reminder: '有效期届满三十日前申请延续。' },
            ],
          },
          {
            code: 'SJ-01-02',
            name: '食品贮存情况的检查',
            industries: ['F52'],
            method: '现场检查',
            points: [
              { code: 'SJ-01-02-001', question: '是否定期检查库存食品，及时清理变质或者超过保质期的食品？', basis: '《中华人民共和国食品安全法》第五十四条', reminder: '过期食品应当单独存放并标明“待处理”。' },
            ],
          },
        ],
      },
    ],
  },
  {
    code: 'XF',
    name: '莆田市消防救援支队',
    categories: [
      {
        code: 'XF-01',
        name: '人员密集场所消防安全',
        items: [
          {
            code: 'XF-01-01',
            name: '疏散通道和安全出口的检查',
            industries: [],
            method: '现场检查',
            points: [
              { code: 'XF-01-01-001', question: '疏散通道、安全出口是否保持畅通，未被占用、堵塞或者封闭？', basis: '《中华人民共和国消防法》第二十八条', reminder: '营业期间不得锁闭安全出口。' },
            ],
          },
        ],
      },
    ],
  },
];
