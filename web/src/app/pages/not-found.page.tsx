import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n.js';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('页面不存在', 'Page not found')}
      subTitle={t('您访问的页面不存在或已被移动。', 'The page you asked for does not exist or has moved.')}
      extra={
        <Link to="/">
          <Button type="primary">{t('返回首页', 'Back to home')}</Button>
        </Link>
      }
    />
  );
}
