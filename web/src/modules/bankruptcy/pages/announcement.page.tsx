import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { useAnnouncement } from '../bankruptcy.api.js';
import { announcementKindLabels } from '../bankruptcy.labels.js';
import { BkHeader } from '../components/bk-header.js';

/**
 * One announcement, public. This is the page the QR code on the PDF opens: it shows the SHA-256 recorded on
 * the ledger, so a reader can hash the PDF in hand and compare.
 */
export default function AnnouncementPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const a = useAnnouncement(id);
  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }}>
      <BkHeader title={a.data?.title ?? t('公告', 'Announcement')} back="/bankruptcy" />
      <ProblemAlert error={a.error} />
      {a.isLoading && <Skeleton active />}
      {a.data && (
        <Card
          size="small"
          extra={
            <a href={`/api/v1/bankruptcy/announcements/${a.data.id}/pdf`} target="_blank" rel="noreferrer">
              <Button icon={<FilePdfOutlined />}>PDF</Button>
            </a>
          }
        >
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('案号', 'Case')}>{a.data.caseNumber}</Descriptions.Item>
            <Descriptions.Item label={t('债务人', 'Debtor')}>{a.data.debtorName}</Descriptions.Item>
            <Descriptions.Item label={t('类型', 'Kind')}>{pick(announcementKindLabels[a.data.kind] ?? [a.data.kind, a.data.kind])}</Descriptions.Item>
            <Descriptions.Item label={t('发布', 'Published')}>
              {a.data.issuerName} · {formatDateTime(a.data.publishedAt)}
            </Descriptions.Item>
          </Descriptions>
          {(a.data.body ?? '').split(/\n{2,}/).map((p, i) => (
            <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
          ))}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('PDF 摘要 SHA-256', 'PDF SHA-256')}>
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="bk-ann-sha">
                {a.data.pdfSha256 ?? t('（批量导入，未上链）', '(bulk import, not on the ledger)')}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('存证编号', 'Ledger leaf')}>{a.data.ledgerIndex ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
    </div>
  );
}
