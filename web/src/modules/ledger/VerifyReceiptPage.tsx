import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Result, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.js';

/**
 * Public page to check a ledger receipt (存证回执) against a signed checkpoint. The ledger helper owns this
 * file and replaces this first version with the full check.
 */
export function VerifyReceiptPage() {
  const { t } = useI18n();
  return (
    <Card title={t('存证核验', 'Verify a receipt')}>
      <Typography.Paragraph>
        {t(
          '平台将申请提交、合同签署、债权申报、表决等关键事件写入防篡改存证账本。持有存证回执的任何人都可以核验该记录是否被收录且未被篡改。',
          'Key events (applications, signed contracts, claims, votes) are written to a tamper-evident ledger. Anyone holding a receipt can check that the record is included and unchanged.',
        )}
      </Typography.Paragraph>
      <Result
        icon={<SafetyCertificateOutlined style={{ color: '#1456d8' }} />}
        title={t('核验服务建设中', 'Verification is being built')}
        subTitle="建设中 Under construction"
      />
    </Card>
  );
}

export default VerifyReceiptPage;
