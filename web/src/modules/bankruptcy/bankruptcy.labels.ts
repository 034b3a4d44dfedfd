import type { Bilingual } from '../../shared/i18n.js';

export const ROLE_JUDGE = 'bankruptcy.judge';
export const ROLE_ADMINISTRATOR = 'bankruptcy.administrator';
export const ROLE_CREDITOR = 'bankruptcy.creditor';
export const ROLE_DEBTOR = 'bankruptcy.debtor';
export const ROLE_INVESTOR = 'bankruptcy.investor';
export const ROLE_ASSIST = 'bankruptcy.assistance-officer';
export const ALL_ROLES = [ROLE_JUDGE, ROLE_ADMINISTRATOR, ROLE_CREDITOR, ROLE_DEBTOR, ROLE_INVESTOR, ROLE_ASSIST];

export const procedureLabels: Record<string, Bilingual> = {
  liquidation: ['破产清算', 'Liquidation'],
  reorganization: ['重整', 'Reorganization'],
  settlement: ['和解', 'Settlement'],
};

export const stageLabels: Record<string, Bilingual> = {
  applied: ['待审查', 'Application pending'],
  rejected: ['不予受理', 'Rejected'],
  accepted: ['审理中', 'In progress'],
  closed: ['已终结', 'Closed'],
  terminated: ['已终止', 'Terminated'],
};

export const claimStatusLabels: Record<string, Bilingual> = {
  filed: ['待审查', 'Filed'],
  confirmed: ['确认', 'Confirmed'],
  partlyConfirmed: ['部分确认', 'Partly confirmed'],
  rejected: ['不予确认', 'Rejected'],
};

export const natureLabels: Record<string, Bilingual> = {
  ordinary: ['普通债权', 'Ordinary'],
  employee: ['职工债权', 'Employee'],
  tax: ['税款债权', 'Tax'],
  socialInsurance: ['社会保险费', 'Social insurance'],
};

export const kindLabels: Record<string, Bilingual> = {
  ordinary: ['一般决议（第六十四条）', 'Ordinary resolution (Art. 64)'],
  assetManagementPlan: ['财产管理方案', 'Asset management plan'],
  realizationPlan: ['财产变价方案', 'Realization plan'],
  distributionPlan: ['破产财产分配方案', 'Distribution plan'],
  settlementAgreement: ['和解协议（第九十七条）', 'Settlement agreement (Art. 97)'],
  reorganizationPlan: ['重整计划草案（分组表决）', 'Reorganization plan (by group)'],
};

export const groupLabels: Record<string, Bilingual> = {
  secured: ['有财产担保债权组', 'Secured'],
  employee: ['职工债权组', 'Employee'],
  tax: ['税款债权组', 'Tax'],
  ordinary: ['普通债权组', 'Ordinary'],
  smallClaims: ['小额债权组', 'Small claims'],
  shareholder: ['出资人组', 'Shareholders'],
};

export const choiceLabels: Record<string, Bilingual> = {
  for: ['同意', 'For'],
  against: ['反对', 'Against'],
  abstain: ['弃权', 'Abstain'],
};

export const deadlineLabels: Record<string, Bilingual> = {
  acceptanceNotice: ['通知债权人并公告（25日）', 'Notice and announcement (25 days)'],
  claimPeriodEarliestEnd: ['申报期最早届满（30日）', 'Claim period: earliest end (30 days)'],
  claimPeriodLatestEnd: ['申报期最迟届满（3个月）', 'Claim period: latest end (3 months)'],
  firstMeeting: ['第一次债权人会议（15日内）', 'First meeting (within 15 days)'],
  reorganizationPlanDue: ['提交重整计划草案（6个月）', 'Reorganization plan due (6 months)'],
  reorganizationPlanDueExtended: ['重整计划草案（延期3个月）', 'Plan due, extended (+3 months)'],
  planVoteMeeting: ['召开会议表决重整计划（30日）', 'Plan vote meeting (30 days)'],
  approvalApplication: ['申请批准重整计划（10日）', 'Apply for approval (10 days)'],
  approvalRuling: ['法院裁定批准（30日）', 'Court ruling on approval (30 days)'],
  claimObjectionSuit: ['异议人起诉（15日）', 'Objector sues (15 days)'],
  unclaimedDistribution: ['未领取分配额（2个月）', 'Unclaimed distributions (2 months)'],
  supplementaryDistribution: ['追加分配（2年）', 'Supplementary distribution (2 years)'],
};

export const deadlineStatusLabels: Record<string, [string, string, string]> = {
  met: ['按期完成', 'Met', 'green'],
  missed: ['逾期完成', 'Missed', 'red'],
  overdue: ['已逾期', 'Overdue', 'red'],
  dueSoon: ['即将到期', 'Due soon', 'orange'],
  onTrack: ['正常', 'On track', 'blue'],
};

export const nextStepLabels: Record<string, Bilingual> = {
  resolutionStands: ['决议有效（第六十四条第三款）', 'The resolution stands (Art. 64 ¶3)'],
  mayBeProposedAgain: ['可另行提出', 'May be proposed again'],
  courtRules: ['由人民法院裁定（第六十五条）', 'The court rules (Art. 65)'],
  secondVote: ['二次表决（第六十五条第二款）', 'Second vote (Art. 65 ¶2)'],
  courtConfirmsSettlement: ['人民法院裁定认可（第九十八条）', 'Court confirms (Art. 98)'],
  settlementEndsDebtorDeclaredBankrupt: ['终止和解程序并宣告破产（第九十九条）', 'Settlement ends; bankruptcy declared (Art. 99)'],
  applyForCourtApproval: ['十日内申请批准（第八十六条）', 'Apply for approval within 10 days (Art. 86)'],
  negotiateAndRevote: ['协商后再表决一次（第八十七条）', 'Negotiate and vote once more (Art. 87)'],
  courtMayApproveOrEndReorganization: ['可申请强制批准或终止重整（第八十七、八十八条）', 'Cram-down or end (Arts. 87–88)'],
};

export const announcementKindLabels: Record<string, Bilingual> = {
  acceptance: ['受理公告', 'Acceptance'],
  meetingNotice: ['会议通知', 'Meeting notice'],
  auction: ['拍卖公告', 'Auction'],
  investorRecruitment: ['投资人招募', 'Investor recruitment'],
  distribution: ['分配公告', 'Distribution'],
  voteResult: ['表决结果', 'Vote result'],
  other: ['其他公告', 'Other'],
};

export const disbursementStatusLabels: Record<string, [string, string, string]> = {
  requested: ['待法院审批', 'Awaiting approval', 'orange'],
  approved: ['已批准待付', 'Approved', 'blue'],
  rejected: ['已驳回', 'Rejected', 'red'],
  executed: ['已付款', 'Paid', 'green'],
};

/** Art. 113 tiers and the collateral line of a plan. */
export const tierLabels: Record<string, Bilingual> = {
  collateral: ['担保物（第一百零九条）', 'Collateral (Art. 109)'],
  employee: ['职工债权（第一百一十三条第一项）', 'Employees (Art. 113 (1))'],
  socialInsuranceAndTax: ['社保费用和税款（第二项）', 'Social insurance and tax (Art. 113 (2))'],
  ordinary: ['普通债权（第三项）', 'Ordinary (Art. 113 (3))'],
};

export const planStatusLabels: Record<string, Bilingual> = {
  draft: ['草案', 'Draft'],
  adopted: ['已通过', 'Adopted'],
  courtConfirmed: ['法院已裁定认可', 'Confirmed by the court'],
};

export const assetTypeLabels: Record<string, Bilingual> = {
  realEstate: ['不动产', 'Real estate'],
  vehicle: ['车辆', 'Vehicle'],
  deposit: ['存款', 'Deposit'],
  equity: ['股权', 'Equity'],
  equipment: ['机器设备', 'Equipment'],
  inventory: ['存货', 'Inventory'],
  receivable: ['应收账款', 'Receivable'],
  intellectualProperty: ['知识产权', 'Intellectual property'],
  other: ['其他', 'Other'],
};

export const assetStatusLabels: Record<string, Bilingual> = {
  registered: ['已登记', 'Registered'],
  inAuction: ['拍卖中', 'At auction'],
  sold: ['已成交', 'Sold'],
  unsold: ['流拍', 'Unsold'],
};

export const auctionStatusLabels: Record<string, Bilingual> = {
  scheduled: ['待拍卖', 'Scheduled'],
  sold: ['成交', 'Sold'],
  failed: ['流拍', 'Failed'],
};

export const departmentLabels: Record<string, Bilingual> = {
  realEstate: ['不动产登记中心', 'Real-estate registry'],
  vehicles: ['车辆管理所', 'Vehicle registry'],
  deposits: ['银行存款', 'Banks (deposits)'],
  equity: ['市场监管（股权）', 'Market regulator (equity)'],
};

export const investorStatusLabels: Record<string, Bilingual> = {
  registered: ['已报名', 'Registered'],
  intentionSubmitted: ['已提交意向书', 'Intention submitted'],
  selected: ['已选定', 'Selected'],
  withdrawn: ['已退出', 'Withdrawn'],
};
