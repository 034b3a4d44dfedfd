import { ToolOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n.js';
import type { ModuleEntry } from '../modules.js';

/** What a service shows until its module's pages are switched on in modules.ts. */
export function UnderConstructionPage({ module }: { module: ModuleEntry }) {
  const { t, pick } = useI18n();
  const Icon = module.icon;
  return (
    <Card data-testid="under-construction">
      <Result
        icon={<Icon style={{ color: module.color, fontSize: 64 }} />}
        title={
          <Space wrap size={8} style={{ justifyContent: 'center' }}>
            <span>{pick(module.name)}</span>
            <Tag icon={<ToolOutlined />} color="orange">
              建设中 Under construction
            </Tag>
          </Space>
        }
        subTitle={
          <div style={{ maxWidth: 560, margin: '0 auto' }}>
            <Typography.Paragraph type="secondary">
              {pick(module.city)} · {pick(module.reform)}
            </Typography.Paragraph>
            <Typography.Paragraph>{pick(module.summary)}</Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              {t('该服务正在建设中，敬请期待。', 'This service is being built and will open soon.')}
            </Typography.Paragraph>
          </div>
        }
        extra={
          <Link to="/">
            <Button type="primary">{t('返回首页', 'Back to home')}</Button>
          </Link>
        }
      />
    </Card>
  );
}
