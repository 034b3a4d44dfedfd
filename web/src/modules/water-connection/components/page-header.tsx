import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n.js';

/** Page title with an optional back link and actions; wraps below the title on phones. */
export function PageHeader({ title, subtitle, extra, back }: { title: ReactNode; subtitle?: ReactNode; extra?: ReactNode; back?: string }) {
  const navigate = useNavigate();
  const { t } = useI18n();
  return (
    <Flex wrap justify="space-between" align="center" gap={8} style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        {back && (
          <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate(back)} style={{ paddingInline: 0, height: 'auto' }}>
            {t('返回', 'Back')}
          </Button>
        )}
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && <Flex wrap gap={8}>{extra}</Flex>}
    </Flex>
  );
}
