import { Alert, App } from 'antd';
import { useNavigate } from 'react-router';
import { useAuth } from '../../../shared/auth.js';
import { useI18n } from '../../../shared/i18n.js';
import { ApplicationForm } from '../components/application-form.js';
import { PageHeader } from '../components/page-header.js';

/** The applicant's form (phone first): one page, three parts, uploads as they go. */
export default function ApplyPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const enterprise = user?.organization.kind === 'enterprise';
  return (
    <div style={{ maxWidth: 760, margin: '0 auto' }} data-testid="wc-apply">
      <PageHeader title={t('用水报装申请', 'Apply for a water connection')} back="/water-connection" />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title={t(`申请人：${user?.organization.name ?? ''}`, `Applicant: ${user?.organization.name ?? ''}`)}
        description={t('提交后系统立即分派营商服务经理，全程跟办。', 'A service manager is assigned as soon as you submit.')}
      />
      <ApplicationForm
        assisted={false}
        enterprise={enterprise}
        onCreated={(app) => {
          void message.success(t(`申请已提交，编号 ${app.number}`, `Submitted: ${app.number}`));
          navigate(`/water-connection/applications/${app.id}`);
        }}
      />
    </div>
  );
}
