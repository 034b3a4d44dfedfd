import { ExperimentOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useI18n } from '../../../shared/i18n.js';
import type { RealNameProvider } from './realname.api.js';

/**
 * Which provider runs, with its label shown verbatim. The local demo checks only the form of the number and
 * prints its code to the server log, so it is announced as a warning nobody can miss: a result from it must
 * not be taken for a government check (server/src/platform/realname/README.md, "Providers").
 */
export function ProviderBanner({ provider }: { provider: RealNameProvider }) {
  const { t } = useI18n();
  if (provider.isDemo) {
    return (
      <Alert
        type="warning"
        showIcon
        icon={<ExperimentOutlined />}
        data-testid="realname-demo-banner"
        style={{ marginBottom: 16, borderWidth: 2 }}
        title={<strong data-testid="realname-provider-label">{provider.label}</strong>}
        description={
          <>
            <div>
              {t(
                '演示环境：只校验身份证号码的格式和校验码，不核验是否本人，也不是政府部门的实名认证服务。',
                'Demo: only the form and check character of the number are checked, not the person; this is not a government service.',
              )}
            </div>
            <div>
              {t(
                '一次性验证码写入服务器日志，不发送短信。请向系统管理员索取，或在服务器日志中查看。',
                'The one-time code is written to the server log; no SMS is sent. Ask the administrator or read the log.',
              )}
            </div>
          </>
        }
      />
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      icon={<SafetyCertificateOutlined />}
      data-testid="realname-provider"
      style={{ marginBottom: 16 }}
      title={<span data-testid="realname-provider-label">{provider.label}</span>}
    />
  );
}
