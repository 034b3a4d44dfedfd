import { materialLabels, SIMPLE_LOW_RISK, waterUseLabels } from './application-rules.js';
import { quanzhouDistricts } from './districts.js';
import { DEFAULT_STEP_LIMITS } from './water-connection.workflow.js';

/** The public service guide (办事指南): materials, steps, promised time limits, fees. */
export function serviceGuide() {
  return {
    title: { zh: '泉州市用水报装办事指南', en: 'Quanzhou water connection service guide' },
    hotline: '968812',
    materials: [
      { kind: 'businessLicence', label: materialLabels.businessLicence, requiredFor: { zh: '企业申请人（可用电子营业执照）', en: 'Enterprise applicants (an electronic licence is valid)' } },
      { kind: 'propertyCertificate', label: materialLabels.propertyCertificate, requiredFor: { zh: '所有申请人', en: 'All applicants' } },
      { kind: 'drawings', label: materialLabels.drawings, requiredFor: { zh: '一般项目（简易低风险项目免交）', en: 'Standard projects (not simple low-risk)' } },
      { kind: 'authorization', label: materialLabels.authorization, requiredFor: { zh: '营商服务经理帮代办时', en: 'Assisted filing by a service manager' } },
    ],
    steps: [
      { step: 'submitted', label: { zh: '网上申请，自动分派营商服务经理', en: 'Apply online; a service manager is assigned at once' }, limit: null },
      { step: 'survey', label: { zh: '预约并现场勘察，出具设计与费用', en: 'Site survey, design and fee estimate' }, limit: DEFAULT_STEP_LIMITS.survey },
      { step: 'contract', label: { zh: '实名认证后在线签订供水合同', en: 'Sign the supply contract online after real-name verification' }, limit: null },
      { step: 'countersign', label: { zh: '供水企业电子盖章', en: 'Utility countersigns' }, limit: DEFAULT_STEP_LIMITS.countersign },
      { step: 'construction', label: { zh: '施工', en: 'Construction' }, limit: DEFAULT_STEP_LIMITS.construction },
      { step: 'water-on', label: { zh: '装表通水', en: 'Meter installed, water on' }, limit: DEFAULT_STEP_LIMITS['water-on'] },
    ],
    simpleLowRisk: {
      label: { zh: '简易低风险项目：零上门、零审批、零投资', en: 'Simple low-risk projects: no visit, no approval, no cost' },
      maxPipeDiameterMm: SIMPLE_LOW_RISK.maxPipeDiameterMm,
      maxDailyVolumeM3: SIMPLE_LOW_RISK.maxDailyVolumeM3,
      uses: SIMPLE_LOW_RISK.uses,
    },
    fees: { zh: '简易低风险项目免费；一般项目按勘察设计费用估算，合同中列明，不另收费。', en: 'Free for simple low-risk projects; otherwise the surveyed estimate, stated in the contract, with no other charge.' },
    waterUses: waterUseLabels,
    districts: quanzhouDistricts,
  };
}
