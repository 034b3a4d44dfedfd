import type { LegalBasis } from './voting.types.js';

/**
 * The provisions the voting and distribution rules cite, in the words of the result notice. Codes are
 * stable (used in the API and the ledger); texts are for people.
 */
export const LEGAL_BASIS = {
  art59p2: {
    code: 'EBL-59-2',
    en: 'Enterprise Bankruptcy Law Art. 59 ¶2 (undetermined claims vote only with a provisional amount set by the court)',
    zh: '《企业破产法》第五十九条第二款（债权尚未确定的，除人民法院能够为其行使表决权而临时确定债权额的外，不得行使表决权）',
  },
  art59p3: {
    code: 'EBL-59-3',
    en: 'Enterprise Bankruptcy Law Art. 59 ¶3 (secured creditors who have not waived priority do not vote on a settlement agreement or a distribution plan)',
    zh: '《企业破产法》第五十九条第三款（未放弃优先受偿权利的有财产担保债权人，对和解协议、破产财产分配方案不享有表决权）',
  },
  art64p1: {
    code: 'EBL-64-1',
    en: 'Enterprise Bankruptcy Law Art. 64 ¶1 (more than half of the voting creditors present, holding at least one half of the total unsecured claims)',
    zh: '《企业破产法》第六十四条第一款（出席会议的有表决权的债权人过半数通过，并且其所代表的债权额占无财产担保债权总额的二分之一以上）',
  },
  art65p1: {
    code: 'EBL-65-1',
    en: 'Enterprise Bankruptcy Law Art. 65 ¶1 (the court rules when the meeting does not pass the asset management or realization plan)',
    zh: '《企业破产法》第六十五条第一款（债务人财产的管理方案、破产财产的变价方案经债权人会议表决未通过的，由人民法院裁定）',
  },
  art65p2: {
    code: 'EBL-65-2',
    en: 'Enterprise Bankruptcy Law Art. 65 ¶2 (the court rules when the distribution plan fails a second vote)',
    zh: '《企业破产法》第六十五条第二款（破产财产的分配方案经债权人会议二次表决仍未通过的，由人民法院裁定）',
  },
  art84p2: {
    code: 'EBL-84-2',
    en: "Enterprise Bankruptcy Law Art. 84 ¶2 (a group passes the plan with more than half of its creditors present, holding at least two thirds of the group's total claims)",
    zh: '《企业破产法》第八十四条第二款（出席会议的同一表决组的债权人过半数同意，并且其所代表的债权额占该组债权总额的三分之二以上）',
  },
  art85p2: {
    code: 'EBL-85-2',
    en: "Enterprise Bankruptcy Law Art. 85 ¶2 with the National Courts' Bankruptcy Trial Work Conference Minutes (2018) para. 19 (the shareholder group passes with at least two thirds of the voting rights of the shareholders taking part)",
    zh: '《企业破产法》第八十五条第二款、《全国法院破产审判工作会议纪要》第19条（经参与表决的出资人所持表决权三分之二以上通过）',
  },
  art86p1: {
    code: 'EBL-86-1',
    en: 'Enterprise Bankruptcy Law Art. 86 ¶1 (the plan passes when every voting group passes it)',
    zh: '《企业破产法》第八十六条第一款（各表决组均通过重整计划草案时，重整计划即为通过）',
  },
  art87: {
    code: 'EBL-87',
    en: 'Enterprise Bankruptcy Law Art. 87 (a failing group may vote once more after negotiation; then the court may approve under ¶2)',
    zh: '《企业破产法》第八十七条（未通过的表决组可以在协商后再表决一次；仍未通过的，可以申请人民法院依第二款批准）',
  },
  art86p2: {
    code: 'EBL-86-2',
    en: 'Enterprise Bankruptcy Law Art. 86 ¶2 (apply for court approval within 10 days of passing; the court rules within 30 days)',
    zh: '《企业破产法》第八十六条第二款（自重整计划通过之日起十日内申请批准，人民法院自收到申请之日起三十日内裁定）',
  },
  art87p2: {
    code: 'EBL-87-2',
    en: 'Enterprise Bankruptcy Law Art. 87 ¶2 (after a refused or failed re-vote the court may approve a plan meeting the listed conditions) and Art. 88 (otherwise the court ends the reorganization and declares the debtor bankrupt)',
    zh: '《企业破产法》第八十七条第二款（拒绝再次表决或再次表决仍未通过，符合法定条件的可申请人民法院批准）、第八十八条（否则人民法院裁定终止重整程序并宣告债务人破产）',
  },
  art98: {
    code: 'EBL-98',
    en: 'Enterprise Bankruptcy Law Art. 98 (the court confirms a settlement agreement the meeting has passed)',
    zh: '《企业破产法》第九十八条（债权人会议通过和解协议的，由人民法院裁定认可，终止和解程序）',
  },
  art97: {
    code: 'EBL-97',
    en: 'Enterprise Bankruptcy Law Art. 97 (more than half of the voting creditors present, holding at least two thirds of the total unsecured claims)',
    zh: '《企业破产法》第九十七条（出席会议的有表决权的债权人过半数同意，并且其所代表的债权额占无财产担保债权总额的三分之二以上）',
  },
  art99: {
    code: 'EBL-99',
    en: 'Enterprise Bankruptcy Law Art. 99 (if the settlement agreement is not passed, the court ends the settlement and declares the debtor bankrupt)',
    zh: '《企业破产法》第九十九条（和解协议草案经债权人会议表决未获得通过的，人民法院应当裁定终止和解程序，并宣告债务人破产）',
  },
} as const satisfies Record<string, LegalBasis>;
