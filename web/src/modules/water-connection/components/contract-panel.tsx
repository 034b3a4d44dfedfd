import { EditOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert, problemOf } from '../../../shared/problem-view.js';
import { BASE, useMyVerification, useStep, type ApplicationDetail } from '../water-connection.api.js';
import { RealNamePanel, VerifiedIdentity } from './realname-panel.js';

export function contractUrl(applicationId: string): string {
  return `/api/v1${BASE}/applications/${encodeURIComponent(applicationId)}/contract`;
}

/**
 * The applicant's contract step: read the supply contract (PDF), verify the real name, sign. Signing without a
 * verification is refused by the server (403 realname-required), so the button waits for it.
 */
export function ContractPanel({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const me = useMyVerification();
  const sign = useStep<{ version: number }>(app.id, 'contract/sign', { silent: true });
  const [renewing, setRenewing] = useState(false);
  const verified = !!me.data;
  const needsRealName = sign.error && problemOf(sign.error).code === 'realname-required';
  return (
    <Card
      size="small"
      title={
        <span>
          <EditOutlined /> {t('签订供水合同', 'Sign the supply contract')}
        </span>
      }
      data-testid="contract-panel"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'parties', label: t('合同双方', 'Parties'), children: `${app.applicantName ?? '—'} / ${app.utilityName ?? t('供水企业', 'the utility')}` },
          { key: 'address', label: t('用水地址', 'Site'), children: app.siteAddress ?? '—' },
          { key: 'fee', label: t('工程费用', 'Fee'), children: app.simpleLowRisk ? t('免费（简易低风险项目）', 'Free (simple low-risk)') : formatFen(app.feeEstimateFen) },
        ]}
      />
      <Button icon={<FilePdfOutlined />} href={contractUrl(app.id)} target="_blank" rel="noopener" block style={{ margin: '8px 0 12px' }} data-testid="contract-view">
        {t('查看合同（PDF）', 'Read the contract (PDF)')}
      </Button>
      {me.isPending && <Skeleton active paragraph={{ rows: 2 }} />}
      {verified && !renewing && me.data && <VerifiedIdentity v={me.data} onRenew={() => setRenewing(true)} />}
      {!me.isPending && (!verified || renewing) && <RealNamePanel again={renewing} onVerified={() => setRenewing(false)} />}
      {needsRealName && <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('请先完成实名认证再签署合同', 'Verify your real name before signing')} />}
      <ProblemAlert error={needsRealName ? null : sign.error} style={{ marginTop: 12 }} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
        {t(
          '点击“签署合同”即以实名认证身份对合同加盖可靠电子签名（《电子签名法》第十三条、第十四条），与手写签名具有同等效力。',
          'Signing applies a reliable electronic signature under your verified identity (Electronic Signature Law Arts. 13–14), with the same effect as a handwritten one.',
        )}
      </Typography.Paragraph>
      <Button type="primary" block size="large" disabled={!verified || renewing} loading={sign.isPending} onClick={() => sign.mutate({ version: app.version })} data-testid="contract-sign">
        {verified ? t('签署合同', 'Sign the contract') : t('完成实名认证后可签署', 'Verify your real name to sign')}
      </Button>
    </Card>
  );
}
