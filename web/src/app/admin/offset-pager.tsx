import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../../shared/i18n.js';

/**
 * Previous/next paging for list endpoints that page by limit/offset without a total: a full page means there
 * may be more.
 */
export function OffsetPager({ offset, limit, count, onChange }: { offset: number; limit: number; count: number; onChange: (offset: number) => void }) {
  const { t } = useI18n();
  if (offset === 0 && count < limit) return null;
  return (
    <Flex justify="flex-end" align="center" gap={8} style={{ marginTop: 12 }}>
      <Button size="small" icon={<LeftOutlined />} disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('上一页', 'Previous')}
      </Button>
      <Typography.Text type="secondary">{t(`第 ${offset / limit + 1} 页`, `Page ${offset / limit + 1}`)}</Typography.Text>
      <Button size="small" disabled={count < limit} onClick={() => onChange(offset + limit)}>
        {t('下一页', 'Next')} <RightOutlined />
      </Button>
    </Flex>
  );
}
