import { CheckCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Tag, Typography } from 'antd';
import { useMemo, useRef, type ReactNode } from 'react';
import { api, isApiError, newIdempotencyKey } from '../../../shared/api.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert, problemOf } from '../../../shared/problem-view.js';
import { labelText } from '../label-text.js';
import { DEFAULT_RULE, isSimpleLowRisk, requiredMaterials } from '../simple-low-risk.js';
import { BASE, useGuide, useInvalidateApplication, type ApplicationDetail, type Materials } from '../water-connection.api.js';
import { fallbackDistricts, materialLabels, waterUseLabels, type MaterialKind, type WaterUse } from '../water-connection.labels.js';
import { FileUploadField } from './file-upload-field.js';

/** 一次性告知: the server's list of every missing material, in one box above the upload fields. */
function MissingMaterialsAlert({ error, provided }: { error: unknown; provided: Materials | undefined }) {
  const p = problemOf(error);
  // Materials uploaded since the answer drop off the list; the box goes once all are there.
  const still = (p.errors ?? []).filter((e) => !provided?.[e.path.split('.')[2] as MaterialKind]);
  if (still.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      data-testid="materials-missing"
      title={p.title}
      description={
        <div>
          {p.detail && <div>{p.detail}</div>}
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {still.map((e) => (
              <li key={e.path}>{e.message}</li>
            ))}
          </ul>
        </div>
      }
    />
  );
}

const PIPE_SIZES = [15, 20, 25, 32, 40, 50, 65, 80, 100, 150, 200, 250, 300, 400, 500, 600];
const ALL_MATERIALS: MaterialKind[] = ['businessLicence', 'propertyCertificate', 'drawings', 'authorization'];

export interface ApplicationFormValues {
  applicantUserId?: string;
  contactName: string;
  contactPhone: string;
  regionCode: string;
  siteAddress: string;
  waterUse: WaterUse;
  pipeDiameterMm: number;
  dailyVolumeM3: number;
  materials: Materials;
}

/**
 * The application form, for the applicant (phone first) and for a service manager filing on the applicant's
 * behalf (帮代办). Materials are uploaded as they are chosen; the server lists every missing one at once
 * (一次性告知, 422 materials-missing), and each lands under its upload field while the top of the form repeats
 * the full list. One Idempotency-Key per attempt: a double click files one application.
 */
export function ApplicationForm({
  assisted,
  enterprise,
  applicantField,
  onCreated,
}: {
  assisted: boolean;
  /** Whether the applicant is an enterprise (asks for the business licence); null = unknown (assisted). */
  enterprise: boolean | null;
  applicantField?: ReactNode;
  onCreated: (app: ApplicationDetail) => void;
}) {
  const { t, lang, pick } = useI18n();
  const guide = useGuide();
  const invalidate = useInvalidateApplication();
  const [form] = Form.useForm<ApplicationFormValues>();
  const attemptKey = useRef(newIdempotencyKey());
  const districts = guide.data?.districts ?? fallbackDistricts;
  const rule = guide.data?.simpleLowRisk ?? DEFAULT_RULE;

  const waterUse = Form.useWatch('waterUse', form);
  const pipeDiameterMm = Form.useWatch('pipeDiameterMm', form);
  const dailyVolumeM3 = Form.useWatch('dailyVolumeM3', form);
  const materialsNow = Form.useWatch('materials', form);
  const simple = isSimpleLowRisk(rule, { waterUse, pipeDiameterMm, dailyVolumeM3 });
  const required = useMemo(() => new Set(requiredMaterials(enterprise !== false, simple === true, assisted)), [enterprise, simple, assisted]);
  const shown = ALL_MATERIALS.filter((m) => required.has(m) || (m === 'drawings' && simple !== true) || (m === 'businessLicence' && enterprise === null));

  const submit = useMutation({
    mutationFn: (v: ApplicationFormValues) => {
      const materials = Object.fromEntries(Object.entries(v.materials ?? {}).filter(([k, id]) => id && shown.includes(k as MaterialKind))) as Materials;
      const body = {
        ...(assisted ? { applicantUserId: v.applicantUserId?.trim() } : {}),
        contactName: v.contactName.trim(),
        contactPhone: v.contactPhone.trim(),
        siteAddress: v.siteAddress.trim(),
        regionCode: v.regionCode,
        waterUse: v.waterUse,
        pipeDiameterMm: v.pipeDiameterMm,
        dailyVolumeM3: v.dailyVolumeM3,
        materials,
      };
      return api.post<ApplicationDetail>(`${BASE}/applications${assisted ? '/assisted' : ''}`, body, { idempotencyKey: attemptKey.current });
    },
    onSuccess: async (app) => {
      attemptKey.current = newIdempotencyKey();
      await invalidate();
      onCreated(app);
    },
    onError: (e) => {
      // An answer from the server ends this attempt (the key would replay it); a network failure keeps the key
      // so that pressing submit again cannot file twice.
      if (isApiError(e) && e.status !== 0) attemptKey.current = newIdempotencyKey();
      applyProblemToForm(form, e);
      // Each missing material under its own upload field, all at once.
      const materialErrors = (problemOf(e).errors ?? []).filter((x) => /^body\.materials\./.test(x.path));
      if (materialErrors.length) {
        form.setFields(materialErrors.map((x) => ({ name: ['materials', x.path.split('.')[2] as MaterialKind] as const, errors: [x.message] })));
        document.querySelector('[data-testid="materials-card"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
      }
    },
    meta: { silent: true },
  });
  const missingProblem = submit.error && problemOf(submit.error).code === 'materials-missing';

  return (
    <Form<ApplicationFormValues>
      form={form}
      layout="vertical"
      requiredMark
      onFinish={(v) => submit.mutate(v)}
      onValuesChange={(changed: Partial<ApplicationFormValues>) => {
        // An upload answers the "missing" message under its field.
        const kinds = Object.keys(changed.materials ?? {}) as MaterialKind[];
        if (kinds.length) form.setFields(kinds.map((k) => ({ name: ['materials', k] as const, errors: [] })));
      }}
      scrollToFirstError={{ behavior: 'smooth', block: 'center' }}
      initialValues={{ waterUse: 'commercial', pipeDiameterMm: 25, dailyVolumeM3: 5, materials: {} }}
      data-testid="application-form"
    >
      {!missingProblem && <ProblemAlert error={submit.error} form={form} />}
      {applicantField}
      <Card size="small" title={t('1. 联系人', '1. Contact')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('联系人姓名', 'Contact name')} rules={[{ required: true, whitespace: true, message: t('请输入联系人姓名', 'Enter a name') }, { max: 50 }]}>
              <Input autoComplete="name" data-testid="contact-name" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="contactPhone"
              label={t('手机号码', 'Mobile number')}
              extra={t('用于接收进度通知；后 4 位用于公开查询进度', 'For progress messages; its last 4 digits let anyone with the number track progress')}
              rules={[
                { required: true, message: t('请输入手机号码', 'Enter a mobile number') },
                { pattern: /^1\d{10}$/, message: t('手机号码应为 11 位', '11-digit mobile number') },
              ]}
            >
              <Input inputMode="tel" maxLength={11} autoComplete="tel" data-testid="contact-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('2. 用水地址与需求', '2. Site and needs')} style={{ marginBottom: 12 }}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="regionCode" label={t('所在区县', 'District')} rules={[{ required: true, message: t('请选择区县', 'Choose a district') }]}>
              <Select
                placeholder={t('请选择', 'Choose')}
                options={Object.entries(districts).map(([code, name]) => ({ value: code, label: `泉州市${name}` }))}
                data-testid="region-code"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="siteAddress" label={t('详细地址', 'Street address')} rules={[{ required: true, whitespace: true, min: 4, message: t('请输入详细地址（至少 4 个字）', 'Enter the address (4+ characters)') }, { max: 200 }]}>
              <Input placeholder={t('如：中山南路 88 号', 'e.g. 88 Zhongshan South Rd')} data-testid="site-address" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="waterUse" label={t('用水性质', 'Use')} rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" options={(Object.keys(waterUseLabels) as WaterUse[]).map((u) => ({ value: u, label: pick(waterUseLabels[u]) }))} data-testid="water-use" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="pipeDiameterMm" label={t('接水管径', 'Pipe size')} rules={[{ required: true }]}>
              <Select options={PIPE_SIZES.map((d) => ({ value: d, label: `DN${d}` }))} data-testid="pipe-diameter" />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name="dailyVolumeM3" label={t('预计日用水量 (m³)', 'Daily volume (m³)')} rules={[{ required: true, type: 'integer', min: 0, max: 100000, message: t('0–100000 的整数', 'A whole number 0–100000') }]}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} inputMode="numeric" data-testid="daily-volume" />
            </Form.Item>
          </Col>
        </Row>
        {simple === true && (
          <Alert type="success" showIcon icon={<ThunderboltOutlined />} data-testid="simple-low-risk" title={t('简易低风险项目：零上门、零审批、零投资', 'Simple low-risk: no visit, no approval, no cost')} description={t('无需现场勘察和设计图纸，提交后直接在线签约。', 'No survey or drawings: sign the contract online right after submitting.')} />
        )}
        {simple === false && (
          <Alert type="info" showIcon title={t('一般项目：需现场勘察并出具设计方案和费用估算', 'Standard project: a site survey, a design and a fee estimate')} description={t(`简易低风险条件：${rule.uses.map((u) => pick(waterUseLabels[u as WaterUse] ?? [u, u])).join('或')}，管径 ≤ DN${rule.maxPipeDiameterMm}，日用水量 ≤ ${rule.maxDailyVolumeM3} m³`, `Simple low-risk needs: ${rule.uses.join(' or ')}, ≤ DN${rule.maxPipeDiameterMm}, ≤ ${rule.maxDailyVolumeM3} m³/day`)} />
        )}
      </Card>
      <Card size="small" title={t('3. 申请材料', '3. Materials')} style={{ marginBottom: 12 }} data-testid="materials-card">
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('PDF、PNG、JPEG 或 OFD 文件，每个不超过 20 MB。材料不齐时将一次性告知全部所缺材料。', 'PDF, PNG, JPEG or OFD, up to 20 MB each. Any missing materials are all listed at once.')}
        </Typography.Paragraph>
        {missingProblem && <MissingMaterialsAlert error={submit.error} provided={materialsNow} />}
        {shown.map((m) => {
          const guideLabel = guide.data?.materials?.find((g) => g.kind === m)?.label;
          return (
            <Form.Item
              key={m}
              name={['materials', m]}
              label={
                <span>
                  {labelText(lang, guideLabel, materialLabels[m])} {required.has(m) ? <Tag color="orange">{t('必需', 'Required')}</Tag> : <Tag>{t('视项目而定', 'Depends')}</Tag>}
                </span>
              }
            >
              <FileUploadField testId={`upload-${m}`} />
            </Form.Item>
          );
        })}
      </Card>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        <CheckCircleOutlined /> {t('提交即确认所填信息真实；联系电话仅用于本次报装，页面上只显示打码后的号码（《个人信息保护法》第六条）。', 'By submitting you confirm the facts; the phone is used only for this application and shown masked (PIPL Art. 6).')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" size="large" block loading={submit.isPending} data-testid="apply-submit">
        {assisted ? t('代为提交申请', 'File on their behalf') : t('提交申请', 'Submit the application')}
      </Button>
    </Form>
  );
}
