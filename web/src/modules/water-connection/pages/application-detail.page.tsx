import { CheckCircleOutlined, FilePdfOutlined, FileTextOutlined, HistoryOutlined, InfoCircleOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Descriptions, Flex, Grid, Result, Row, Skeleton, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useAuth } from '../../../shared/auth.js';
import { formatDate, formatDateTime, formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { labelText } from '../label-text.js';
import { ApplicationTimeline } from '../components/application-timeline.js';
import { ApplicantCard, ManagerCard } from '../components/contact-cards.js';
import { ContractPanel, contractUrl } from '../components/contract-panel.js';
import { MessagesPanel } from '../components/messages-panel.js';
import { PageHeader } from '../components/page-header.js';
import { ProgressSteps } from '../components/progress-steps.js';
import { RatingForm, RatingView } from '../components/rating-form.js';
import { DueTag, StateTag } from '../components/state-tag.js';
import { SurveySlotPicker } from '../components/survey-slot-picker.js';
import { RectificationClose, surveyConfirmed, UtilityActions } from '../components/utility-actions.js';
import { fileUrl, useApplication, type ApplicationDetail } from '../water-connection.api.js';
import { materialLabels, ROLE_APPLICANT, ROLE_MANAGER, ROLE_SUPERVISOR, stateLabels, waterUseLabels, type MaterialKind } from '../water-connection.labels.js';

function slotOf(app: ApplicationDetail): string | null {
  return app.surveySlot?.start ?? null;
}

/** What the applicant should do now, or who is working on it and by when. */
function ApplicantNextStep({ app }: { app: ApplicationDetail }) {
  const { t, lang, pick } = useI18n();
  const actions = app.availableActions;
  const slot = slotOf(app);
  if (actions.includes('signContract')) return <ContractPanel app={app} />;
  if (actions.includes('pickSurveySlot') && !surveyConfirmed(app)) return <SurveySlotPicker applicationId={app.id} version={app.version} current={slot} />;
  if (app.state === 'completed') return app.rating ? <RatingView rating={app.rating} rectification={app.rectification} /> : <RatingForm applicationId={app.id} />;
  const stateName = labelText(lang, app.stateLabel, stateLabels[app.state], app.state);
  const waitingFor: Record<string, [string, string]> = {
    survey: ['勘察时间已确认，勘察人员将按时上门', 'The survey visit is confirmed'],
    countersign: ['您已签署合同，等待供水企业盖章', 'You signed; the utility countersigns next'],
    construction: ['合同已生效，施工班组将按期施工', 'The contract is in force; construction is being scheduled'],
    'water-on': ['施工已完成，即将通水', 'Construction done; water on next'],
  };
  if (app.state === 'rejected' || app.state === 'withdrawn') return <Result status="warning" title={stateName} />;
  return (
    <Alert
      type="info"
      showIcon
      data-testid="next-step"
      title={t(`当前环节：${stateName}`, `Current step: ${stateName}`)}
      description={
        <div>
          {waitingFor[app.state] && <div>{pick(waitingFor[app.state])}</div>}
          {app.state === 'survey' && slot && <div>{t(`勘察时间：${formatDateTime(slot)}`, `Survey: ${formatDateTime(slot)}`)}</div>}
          {app.state === 'construction' && app.constructionDate && <div>{t(`施工日期：${formatDate(app.constructionDate)}`, `Construction: ${formatDate(app.constructionDate)}`)}</div>}
          {app.currentDue?.dueDate && <div>{t(`承诺 ${formatDate(app.currentDue.dueDate)} 前完成`, `Promised by ${formatDate(app.currentDue.dueDate)}`)}</div>}
        </div>
      }
    />
  );
}

/** Results so far: fee, design, contract, construction date, meter and connection number. */
function ResultsCard({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const rows: { key: string; label: string; children: ReactNode }[] = [];
  rows.push({ key: 'fee', label: t('工程费用', 'Fee'), children: app.simpleLowRisk ? t('免费（简易低风险）', 'Free (simple low-risk)') : app.feeEstimateFen === null || app.feeEstimateFen === undefined ? t('待勘察', 'After the survey') : formatFen(app.feeEstimateFen) });
  if (slotOf(app)) rows.push({ key: 'slot', label: t('勘察时间', 'Survey'), children: `${formatDateTime(slotOf(app))}${surveyConfirmed(app) ? ` ✓ ${t('已确认', 'confirmed')}` : ''}` });
  if (app.designFileId) rows.push({ key: 'design', label: t('设计图纸', 'Design'), children: <a href={fileUrl(app.designFileId)} target="_blank" rel="noopener"><FileTextOutlined /> {t('查看', 'Open')}</a> });
  if (app.contractFileId || ['countersign', 'construction', 'water-on', 'completed'].includes(app.state) || app.availableActions.includes('signContract'))
    rows.push({ key: 'contract', label: t('供水合同', 'Contract'), children: <a href={contractUrl(app.id)} target="_blank" rel="noopener" data-testid="contract-link"><FilePdfOutlined /> PDF</a> });
  if (app.contractSha256) rows.push({ key: 'sha', label: t('合同哈希', 'Contract hash'), children: <Typography.Text code style={{ fontSize: 11, wordBreak: 'break-all' }}>{app.contractSha256}</Typography.Text> });
  if (app.constructionDate) rows.push({ key: 'cdate', label: t('施工日期', 'Construction'), children: formatDate(app.constructionDate) });
  if (app.meterNumber) rows.push({ key: 'meter', label: t('水表编号', 'Meter'), children: app.meterNumber });
  if (app.connectionNumber) rows.push({ key: 'conn', label: t('用水户号', 'Connection no.'), children: <Typography.Text strong data-testid="connection-number">{app.connectionNumber}</Typography.Text> });
  return (
    <Card size="small" title={<span><CheckCircleOutlined /> {t('办理结果', 'Results')}</span>} data-testid="results-card">
      <Descriptions size="small" column={1} items={rows} />
    </Card>
  );
}

function InfoCard({ app }: { app: ApplicationDetail }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={<span><InfoCircleOutlined /> {t('申请信息', 'Application')}</span>} data-testid="info-card">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'applicant', label: t('申请人', 'Applicant'), children: app.applicantName ?? '—' },
          { key: 'addr', label: t('用水地址', 'Site'), children: `${app.district ?? ''} ${app.siteAddress ?? ''}` },
          { key: 'use', label: t('用水性质', 'Use'), children: labelText(lang, app.waterUseLabel, app.waterUse ? waterUseLabels[app.waterUse] : undefined, app.waterUse) },
          { key: 'pipe', label: t('接水管径', 'Pipe'), children: app.pipeDiameterMm ? `DN${app.pipeDiameterMm}` : '—' },
          { key: 'vol', label: t('日用水量', 'Daily volume'), children: app.dailyVolumeM3 !== undefined ? `${app.dailyVolumeM3} m³` : '—' },
          { key: 'submitted', label: t('提交时间', 'Submitted'), children: formatDateTime(app.submittedAt) },
          {
            key: 'materials',
            label: t('申请材料', 'Materials'),
            children: (
              <Flex wrap gap={6}>
                {app.materials.map((m) => (
                  <a key={m.kind} href={fileUrl(m.fileId)} target="_blank" rel="noopener">
                    <Tag icon={<FileTextOutlined />}>{labelText(lang, m.label, materialLabels[m.kind as MaterialKind], m.kind)}</Tag>
                  </a>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      {app.assisted && <Tag color="purple">{t('营商服务经理帮代办', 'Filed by the service manager')}</Tag>}
    </Card>
  );
}

function TimelineCard({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={<span><HistoryOutlined /> {t('办理进度（每一步可核验）', 'Every step (verifiable)')}</span>} data-testid="timeline-card">
      <ApplicationTimeline entries={app.timeline} currentDue={app.currentDue} />
    </Card>
  );
}

/**
 * One application, for the applicant (phone first: next step, manager, steps, messages) and for the utility
 * (desktop: actions by `availableActions`, steps, applicant, messages). The server answers 404 to anyone else.
 */
export default function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const screens = Grid.useBreakpoint();
  const q = useApplication(id);
  const app = q.data;
  // The two sides never share a role: applicants are enterprises or persons, the others utility staff.
  const side = hasRole(ROLE_APPLICANT) ? 'applicant' : 'utility';
  const back = side === 'applicant' ? '/water-connection/my' : '/water-connection/work';
  if (q.isLoading) return <Skeleton active />;
  if (!app) return <ProblemAlert error={q.error} />;

  const header = (
    <PageHeader
      back={back}
      title={<span data-testid="app-number">{app.number}</span>}
      subtitle={`${app.applicantName ?? ''} · ${app.siteAddress ?? ''}`}
      extra={
        <>
          <StateTag state={app.state} label={app.stateLabel} />
          {app.simpleLowRisk && <Tag color="green" icon={<ThunderboltOutlined />}>{t('简易低风险', 'Simple low-risk')}</Tag>}
          {app.state !== 'completed' && <DueTag dueDate={app.currentDue?.dueDate} overdue={app.currentDue?.overdue} />}
        </>
      }
    />
  );
  const progress = (
    <Card size="small" style={{ marginBottom: 12 }}>
      <ProgressSteps state={app.state} simpleLowRisk={app.simpleLowRisk} />
    </Card>
  );

  if (side === 'applicant') {
    // One tree at every width (a resize or a rotated phone must not remount a half-filled form): two columns
    // on desktops; on phones the columns dissolve (display: contents) and `order` puts the manager right
    // under the next step.
    const wide = screens.lg === true;
    const column = (flex: string) => (wide ? { flex, minWidth: 0, display: 'flex', flexDirection: 'column' as const, gap: 12 } : { display: 'contents' });
    return (
      <div data-testid="wc-detail" data-side="applicant">
        {header}
        {progress}
        <div style={{ display: 'flex', flexDirection: wide ? 'row' : 'column', gap: wide ? 16 : 12, alignItems: wide ? 'flex-start' : 'stretch' }}>
          <div style={column('15 1 0')}>
            <div style={{ order: 1 }}>
              <ApplicantNextStep app={app} />
            </div>
            <div style={{ order: 3 }}>
              <TimelineCard app={app} />
            </div>
            <div style={{ order: 6 }}>
              <InfoCard app={app} />
            </div>
          </div>
          <div style={column('9 1 0')}>
            <div style={{ order: 2 }}>
              <ManagerCard app={app} />
            </div>
            <div style={{ order: 4 }}>
              <ResultsCard app={app} />
            </div>
            <div style={{ order: 5 }}>
              <MessagesPanel applicationId={app.id} mySide="applicant" />
            </div>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div data-testid="wc-detail" data-side="utility">
      {header}
      {progress}
      <Row gutter={[16, 12]}>
        <Col xs={24} lg={15}>
          <Flex vertical gap={12}>
            <UtilityActions app={app} />
            {hasRole(ROLE_SUPERVISOR) && <RectificationClose app={app} />}
            {app.rating && <RatingView rating={app.rating} rectification={app.rectification} />}
            <TimelineCard app={app} />
            <InfoCard app={app} />
          </Flex>
        </Col>
        <Col xs={24} lg={9}>
          <Flex vertical gap={12}>
            <ApplicantCard app={app} />
            <ResultsCard app={app} />
            <MessagesPanel applicationId={app.id} mySide="utility" canSend={hasRole(ROLE_MANAGER)} />
          </Flex>
        </Col>
      </Row>
    </div>
  );
}
