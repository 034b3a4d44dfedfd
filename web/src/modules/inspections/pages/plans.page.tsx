import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Form, Input, InputNumber, Modal, Row, Select, Table, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { BASE, useChecklist, type Plan, type PlanSummary } from '../inspections.api.js';
import { districtLabels, planStateLabels } from '../inspections.labels.js';

interface PlanForm {
  title: string;
  department: string;
  items: string[];
  districts: string[];
  industries: string;
  ratioA: number;
  ratioB: number;
  ratioC: number;
  ratioD: number;
  complaint: number;
  abnormalOperation: number;
  seriousViolation: number;
  inspectorsPerTarget: number;
}

/** Percent with two decimals → basis points (1% = 100 bp), rounding to the nearest basis point. */
export const pctToBp = (pct: number | null | undefined) => Math.round((pct ?? 0) * 100);

/** The planner's plans and the form for a new one (sampling ratio per credit class, raised ratios for flags). */
export default function PlansPage() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<PlanForm>();
  const list = useQuery({ queryKey: ['inspections', 'plans'], queryFn: () => api.get<{ items: PlanSummary[] }>(`${BASE}/plans`) });
  const departments = useQuery({ queryKey: ['inspections', 'departments'], queryFn: () => api.get<{ items: Array<{ code: string; name: string; hasAccount: boolean }> }>(`${BASE}/departments`) });
  const checklist = useChecklist();
  const department = Form.useWatch('department', form);
  const itemTree = useMemo(
    () =>
      (checklist.data?.departments ?? [])
        .filter((d) => d.code === department)
        .flatMap((d) => d.categories.map((c) => ({ title: c.name, value: c.code, children: c.items.map((i) => ({ title: i.name, value: i.code })) }))),
    [checklist.data, department],
  );
  const create = useMutation({
    mutationFn: (v: PlanForm) =>
      api.post<Plan>(`${BASE}/plans`, {
        title: v.title,
        parameters: {
          department: v.department,
          items: v.items,
          targetFilter: { districts: v.districts ?? [], industries: (v.industries ?? '').split(/[,，\s]+/).filter((s) => s !== '') },
          ratioBp: { A: pctToBp(v.ratioA), B: pctToBp(v.ratioB), C: pctToBp(v.ratioC), D: pctToBp(v.ratioD) },
          flagRatioBp: { complaint: pctToBp(v.complaint), abnormalOperation: pctToBp(v.abnormalOperation), seriousViolation: pctToBp(v.seriousViolation) },
          inspectorsPerTarget: v.inspectorsPerTarget,
        },
      }),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: ['inspections', 'plans'] });
      setOpen(false);
      navigate(`/inspections/plans/${p.id}`);
    },
    onError: (e) => applyProblemToForm(form, e),
    meta: { silent: true },
  });
  const pct = (name: keyof PlanForm, label: string) => (
    <Col xs={12} sm={6}>
      <Form.Item name={name} label={label} rules={[{ required: true }]}>
        <InputNumber addonAfter="%" min={0} max={100} step={0.5} style={{ width: '100%' }} data-testid={`plan-${name}`} />
      </Form.Item>
    </Col>
  );
  return (
    <div data-testid="insp-plans">
      <PageHeader
        back="/inspections"
        title={t('双随机抽查计划', 'Inspection plans')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="insp-new-plan">
            {t('新建计划', 'New plan')}
          </Button>
        }
      />
      <ProblemAlert error={list.error} />
      <Card size="small">
        <Table<PlanSummary>
          rowKey="id"
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('编号', 'Number'), dataIndex: 'number', render: (n: string, r) => <Link to={`/inspections/plans/${r.id}`}>{n}</Link> },
            { title: t('名称', 'Title'), dataIndex: 'title' },
            { title: t('状态', 'State'), dataIndex: 'state', render: (s: string) => <Tag color={s === 'drawn' ? 'green' : s === 'committed' ? 'blue' : undefined}>{pick(planStateLabels[s])}</Tag> },
            { title: t('创建时间', 'Created'), dataIndex: 'created_at', render: formatDateTime },
          ]}
        />
      </Card>
      <Modal open={open} title={t('新建双随机抽查计划', 'New inspection plan')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} width={720} okButtonProps={{ id: 'plan-submit' }}>
        <ProblemAlert error={create.error} form={form} />
        <Form<PlanForm>
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{ ratioA: 1, ratioB: 3, ratioC: 10, ratioD: 30, complaint: 30, abnormalOperation: 50, seriousViolation: 100, inspectorsPerTarget: 2, districts: [] }}
        >
          <Form.Item name="title" label={t('计划名称', 'Title')} rules={[{ required: true }]}>
            <Input data-testid="plan-title" />
          </Form.Item>
          <Form.Item name="department" label={t('实施部门', 'Department')} rules={[{ required: true }]}>
            <Select options={(departments.data?.items ?? []).filter((d) => d.hasAccount).map((d) => ({ value: d.code, label: d.name }))} data-testid="plan-department" />
          </Form.Item>
          <Form.Item name="items" label={t('抽查事项（须在公开清单内）', 'Items (from the published checklist)')} rules={[{ required: true }]}>
            <TreeSelect treeData={itemTree} treeCheckable showCheckedStrategy={TreeSelect.SHOW_CHILD} showSearch treeNodeFilterProp="title" maxTagCount={3} data-testid="plan-items" />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="districts" label={t('区域（不选为全市）', 'Districts (none = all)')}>
                <Select mode="multiple" options={Object.entries(districtLabels).map(([code, l]) => ({ value: code, label: pick(l) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="industries" label={t('行业代码（逗号分隔，不填为全部）', 'Industry codes (comma-separated)')}>
                <Input placeholder="F52, H62" />
              </Form.Item>
            </Col>
          </Row>
          <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('按信用风险分类的抽查比例', 'Sampling ratio per credit class')}</div>
          <Row gutter={12}>
            {pct('ratioA', t('A 类', 'Class A'))}
            {pct('ratioB', t('B 类', 'Class B'))}
            {pct('ratioC', t('C 类', 'Class C'))}
            {pct('ratioD', t('D 类', 'Class D'))}
          </Row>
          <div style={{ fontWeight: 500, marginBottom: 4 }}>{t('提高抽查比例', 'Raised ratios')}</div>
          <Row gutter={12}>
            {pct('complaint', t('投诉举报多', 'Complaints'))}
            {pct('abnormalOperation', t('经营异常', 'Abnormal operation'))}
            {pct('seriousViolation', t('严重违法', 'Serious violation'))}
            <Col xs={12} sm={6}>
              <Form.Item name="inspectorsPerTarget" label={t('每户检查人员', 'Inspectors per visit')} rules={[{ required: true }]}>
                <InputNumber min={2} max={10} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </div>
  );
}
