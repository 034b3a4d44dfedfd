import { renderPdf, formatYuan, fenToChineseCapitals, formatDateZh, type PdfDocumentSpec } from '../../platform/documents/index.js';
import { waterUseLabels } from './application-rules.js';
import type { WaterApplicationTable } from './water-connection.table.js';

/**
 * The supply contract (供水合同) as a Chinese PDF. Terms follow the model urban water supply contract
 * (城市供用水合同示范文本) in short form. The same application and date always render the same bytes.
 */
export function contractSpec(app: WaterApplicationTable, utilityName: string, publicUrl: string, at: string): PdfDocumentSpec {
  const fee = app.fee_estimate_fen ?? 0;
  return {
    title: '城市供用水合同',
    subtitle: `合同编号：${app.number}`,
    author: utilityName,
    subject: '用水报装供水合同 Water supply contract',
    createdAt: at,
    verification: { url: `${publicUrl}/water-connection/track?number=${encodeURIComponent(app.number)}`, caption: '扫码查询办理进度' },
    blocks: [
      {
        type: 'keyValue',
        caption: '合同当事人',
        columns: 1,
        rows: [
          { key: '供水人（甲方）', value: utilityName },
          { key: '用水人（乙方）', value: app.applicant_name },
          ...(app.applicant_uscc ? [{ key: '统一社会信用代码', value: app.applicant_uscc }] : []),
          { key: '联系人', value: `${app.contact_name}（${app.contact_phone_masked}）` },
          { key: '用水地址', value: `泉州市${app.district}${app.site_address}` },
        ],
      },
      {
        type: 'keyValue',
        caption: '用水信息',
        columns: 2,
        rows: [
          { key: '用水性质', value: waterUseLabels[app.water_use][0] },
          { key: '接水管径', value: `DN${app.pipe_diameter_mm}` },
          { key: '预计日用水量', value: `${app.daily_volume_m3} 立方米` },
          { key: '项目类型', value: app.simple_low_risk ? '简易低风险项目（零上门、零审批、零投资）' : '一般项目' },
          { key: '接水工程费用', value: fee === 0 ? '免费（0 元）' : `${formatYuan(fee)}（大写：${fenToChineseCapitals(fee)}）`, span: true },
        ],
      },
      { type: 'heading', text: '一、供水方式与质量' },
      { type: 'paragraph', text: '甲方以城市公共供水管网向乙方连续供水，水质符合《生活饮用水卫生标准》（GB 5749），供水压力符合本市供水服务规范。因工程施工、设备维修确需停水的，甲方应提前 24 小时通知乙方。' },
      { type: 'heading', text: '二、计量与水费' },
      { type: 'paragraph', text: '用水计量以甲方安装的水表为准，水费按泉州市价格主管部门核定的水价按月结算。乙方对计量有异议的，可申请校验，校验费用按相关规定承担。' },
      { type: 'heading', text: '三、双方责任' },
      { type: 'paragraph', text: '甲方负责表前供水设施的维护管理；乙方负责表后用水设施的维护管理，不得擅自改装、拆除水表或私接供水管道。' },
      { type: 'heading', text: '四、电子签名' },
      { type: 'paragraph', text: '本合同以电子方式订立。乙方经实名认证后使用专属电子签名签署，甲方加盖电子印章；依据《中华人民共和国电子签名法》第十三条、第十四条，可靠的电子签名与手写签名或者盖章具有同等的法律效力。签署后对合同内容的任何改动均可被发现。' },
      { type: 'heading', text: '五、争议解决' },
      { type: 'paragraph', text: '因本合同发生的争议，双方协商解决；协商不成的，任何一方可向供水设施所在地人民法院提起诉讼。' },
      { type: 'signatures', parties: [{ role: '供水人（甲方）', name: utilityName }, { role: '用水人（乙方）', name: app.applicant_name }], date: at.slice(0, 10) },
    ],
    footer: `泉州市用水报装 · ${app.number} · ${formatDateZh(at)}`,
  };
}

export async function renderContract(app: WaterApplicationTable, utilityName: string, publicUrl: string, at: string): Promise<Uint8Array> {
  return renderPdf(contractSpec(app, utilityName, publicUrl, at));
}
