import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, Modal, Segmented, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { useAuth } from '../../../shared/auth.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useCases, type CaseView } from '../bankruptcy.api.js';
import { procedureLabels, ROLE_JUDGE, stageLabels } from '../bankruptcy.labels.js';
import { BkHeader } from '../components/bk-header.js';

interface ApplicationForm {
  procedure: string;
  applicantName: string;
  applicantRole: string;
  debtorName: string;
  debtorUscc: string;
  appliedOn: { format: (f: string) => string };
  courtCode: string;
}

/** The court registers an application (破申 number). */
function RegisterApplication({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<ApplicationForm>();
  const navigate = useNavigate();
  const save = useBkMutation((v: ApplicationForm) => api.post<CaseView>(`${BASE}/cases`, { ...v, appliedOn: v.appliedOn.format('YYYY-MM-DD') }));
  return (
    <Modal
      open={open}
      title={t('登记破产申请', 'Register an application')}
      onCancel={onClose}
      okText={t('登记', 'Register')}
      confirmLoading={save.isPending}
      onOk={() =>
        form.validateFields().then((v) =>
          save.mutate(v, {
            onSuccess: (c) => navigate(`/bankruptcy/cases/${c.id}`),
            onError: (e) => applyProblemToForm(form, e),
          }),
        )
      }
    >
      <ProblemAlert error={save.error} form={form} />
      <Form form={form} layout="vertical" initialValues={{ procedure: 'liquidation', applicantRole: 'creditor', courtCode: '闽0205' }}>
        <Form.Item name="procedure" label={t('程序', 'Procedure')} rules={[{ required: true }]}>
          <Select options={Object.entries(procedureLabels).map(([value, l]) => ({ value, label: pick(l) }))} />
        </Form.Item>
        <Form.Item name="debtorName" label={t('债务人名称', 'Debtor')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="debtorUscc" label={t('统一社会信用代码', 'USCC')} rules={[{ required: true, len: 18 }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="applicantName" label={t('申请人', 'Applicant')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="applicantRole" label={t('申请人身份', 'Applicant is')}>
          <Select options={[{ value: 'creditor', label: t('债权人', 'Creditor') }, { value: 'debtor', label: t('债务人', 'Debtor') }, { value: 'liquidationCommittee', label: t('清算组', 'Liquidation committee') }]} />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('申请日期', 'Applied on')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="courtCode" label={t('法院代字', 'Court code')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Cases the user works on (or all public ones), as cards that read well on a phone. */
export default function CasesPage() {
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const scope = params.get('scope') === 'public' ? 'public' : 'mine';
  const [q, setQ] = useState('');
  const [registering, setRegistering] = useState(false);
  const list = useCases({ scope, q, limit: 100 });
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }} data-testid="bk-cases">
      <BkHeader
        title={t('破产案件', 'Bankruptcy cases')}
        back="/bankruptcy"
        extra={
          hasRole(ROLE_JUDGE) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRegistering(true)}>
              {t('登记申请', 'Register application')}
            </Button>
          )
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Segmented
          value={scope}
          onChange={(v) => setParams(v === 'public' ? { scope: 'public' } : {})}
          options={[
            { value: 'mine', label: t('我的案件', 'Mine') },
            { value: 'public', label: t('全部公开案件', 'All public') },
          ]}
        />
        <Input.Search allowClear placeholder={t('债务人或案号', 'Debtor or case number')} onSearch={setQ} style={{ maxWidth: 320 }} />
      </Flex>
      <ProblemAlert error={list.error} />
      {list.isLoading && <Skeleton active />}
      {list.data && list.data.length === 0 && <Empty description={t('暂无案件', 'No cases')} />}
      <Flex vertical gap={10}>
        {(list.data ?? []).map((c) => (
          <Link key={c.id} to={`/bankruptcy/cases/${c.id}`} data-testid="bk-case-card">
            <Card size="small" hoverable>
              <Flex justify="space-between" align="center" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong>{c.caseNumber ?? c.applicationNumber}</Typography.Text>
                    <Tag color="purple">{pick(procedureLabels[c.procedure] ?? [c.procedure, c.procedure])}</Tag>
                    <Tag>{pick(stageLabels[c.stage] ?? [c.stage, c.stage])}</Tag>
                    {c.deadlines.some((d) => d.status === 'overdue') && <Tag color="red">{t('有逾期期限', 'Overdue deadline')}</Tag>}
                  </Flex>
                  <Typography.Text style={{ display: 'block' }} ellipsis>
                    {c.debtorName}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ color: '#999' }} />
              </Flex>
            </Card>
          </Link>
        ))}
      </Flex>
      <RegisterApplication open={registering} onClose={() => setRegistering(false)} />
    </div>
  );
}
