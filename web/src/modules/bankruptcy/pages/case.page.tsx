import { Button, Card, Descriptions, Flex, Form, Input, Skeleton, Tabs, Tag } from 'antd';
import { useParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { useAuth } from '../../../shared/auth.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useCase, type CaseView } from '../bankruptcy.api.js';
import { procedureLabels, ROLE_CREDITOR, ROLE_INVESTOR, stageLabels } from '../bankruptcy.labels.js';
import { BkHeader } from '../components/bk-header.js';
import { ClaimsTab } from '../components/claims-tab.js';
import { DeadlineList } from '../components/deadline-list.js';
import { MeetingsTab } from '../components/meetings-tab.js';
import { AssetsTab } from '../components/assets-tab.js';
import { DistributionTab } from '../components/distribution-tab.js';
import { FundsTab } from '../components/funds-tab.js';
import { InvestorsTab } from '../components/investors-tab.js';
import { MilestonesCard } from '../components/milestones-card.js';

/** The judge accepts an application and appoints the administrator (by organization id). */
function AcceptForm({ theCase }: { theCase: CaseView }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ acceptedOn: string; administratorOrganizationId: string }>();
  const accept = useBkMutation((v: { acceptedOn: string; administratorOrganizationId: string }) => api.post(`${BASE}/cases/${theCase.id}/accept`, { ...v, version: theCase.version }));
  return (
    <Card size="small" title={t('裁定受理并指定管理人', 'Accept and appoint the administrator')}>
      <ProblemAlert error={accept.error} form={form} />
      <Form form={form} layout="vertical" onFinish={(v) => accept.mutate(v, { onError: (e) => applyProblemToForm(form, e) })}>
        <Form.Item name="acceptedOn" label={t('受理日期 (YYYY-MM-DD)', 'Accepted on (YYYY-MM-DD)')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}>
          <Input />
        </Form.Item>
        <Form.Item name="administratorOrganizationId" label={t('管理人机构编号', 'Administrator organization id')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={accept.isPending}>
          {t('裁定受理', 'Accept')}
        </Button>
      </Form>
    </Card>
  );
}

function Overview({ theCase }: { theCase: CaseView }) {
  const { t, lang } = useI18n();
  const d = theCase.dates;
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('债务人', 'Debtor')}>{theCase.debtorName}</Descriptions.Item>
        <Descriptions.Item label={t('统一社会信用代码', 'USCC')}>{theCase.debtorUscc}</Descriptions.Item>
        <Descriptions.Item label={t('申请人', 'Applicant')}>{theCase.applicantName}</Descriptions.Item>
        <Descriptions.Item label={t('申请号', 'Application')}>{theCase.applicationNumber}</Descriptions.Item>
        <Descriptions.Item label={t('受理日期', 'Accepted')}>{String(d.acceptedOn ?? '—')}</Descriptions.Item>
        <Descriptions.Item label={t('债权申报期限届满', 'Claim period ends')}>{String(d.claimPeriodEndsOn ?? '—')}</Descriptions.Item>
      </Descriptions>
      {theCase.warnings.map((w) => (
        <ProblemAlert key={w.year} error={new Error(lang === 'en' ? w.en : w.zh)} />
      ))}
      <Card size="small" title={t('法定期限', 'Statutory deadlines')}>
        <DeadlineList deadlines={theCase.deadlines} />
      </Card>
      {theCase.stage === 'applied' && theCase.relations.includes('court') && <AcceptForm theCase={theCase} />}
      {theCase.stage === 'accepted' && (theCase.relations.includes('court') || theCase.relations.includes('administrator')) && <MilestonesCard theCase={theCase} />}
    </Flex>
  );
}

/** One case: overview and deadlines, claims, meetings, and for the court and the administrator funds and plans. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const c = useCase(id);
  const theCase = c.data;
  const { hasRole } = useAuth();
  const officer = theCase ? theCase.relations.includes('court') || theCase.relations.includes('administrator') : false;
  // Investor recruitment is a reorganization matter (Art. 79 plan); creditors see their own plan amounts.
  const investors = theCase?.procedure === 'reorganization' && theCase.stage !== 'applied' && (officer || hasRole(ROLE_INVESTOR));
  const creditor = !officer && hasRole(ROLE_CREDITOR);
  return (
    <div style={{ maxWidth: 1100, margin: '0 auto' }} data-testid="bk-case">
      <BkHeader
        back="/bankruptcy/cases"
        title={theCase ? (theCase.caseNumber ?? theCase.applicationNumber) : t('案件', 'Case')}
        subtitle={
          theCase && (
            <Flex wrap gap={6}>
              <span>{theCase.debtorName}</span>
              <Tag color="purple">{pick(procedureLabels[theCase.procedure] ?? [theCase.procedure, theCase.procedure])}</Tag>
              <Tag>{pick(stageLabels[theCase.stage] ?? [theCase.stage, theCase.stage])}</Tag>
            </Flex>
          )
        }
      />
      <ProblemAlert error={c.error} />
      {c.isLoading && <Skeleton active />}
      {theCase && (
        <Tabs
          destroyOnHidden
          items={[
            { key: 'overview', label: t('概况', 'Overview'), children: <Overview theCase={theCase} /> },
            ...(theCase.stage !== 'applied'
              ? [
                  { key: 'claims', label: t('债权', 'Claims'), children: <ClaimsTab theCase={theCase} /> },
                  { key: 'meetings', label: t('债权人会议', 'Meetings'), children: <MeetingsTab theCase={theCase} /> },
                ]
              : []),
            ...(officer
              ? [
                  { key: 'funds', label: t('资金监管', 'Funds'), children: <FundsTab theCase={theCase} /> },
                  { key: 'assets', label: t('财产', 'Assets'), children: <AssetsTab theCase={theCase} /> },
                ]
              : []),
            ...(investors ? [{ key: 'investors', label: t('投资人招募', 'Investors'), children: <InvestorsTab theCase={theCase} /> }] : []),
            ...(officer || (creditor && theCase.stage !== 'applied') ? [{ key: 'distribution', label: t('分配', 'Distribution'), children: <DistributionTab theCase={theCase} /> }] : []),
          ]}
        />
      )}
    </div>
  );
}
