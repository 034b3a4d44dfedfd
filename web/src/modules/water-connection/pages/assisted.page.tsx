import { Alert, App, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n.js';
import { ApplicationForm } from '../components/application-form.js';
import { PageHeader } from '../components/page-header.js';

/**
 * 帮代办: the service manager files on the applicant's behalf. The applicant's signed authorization is one of
 * the materials, and the application belongs to the applicant (who sees it, signs and rates it).
 */
export default function AssistedPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }} data-testid="wc-assisted">
      <PageHeader title={t('帮代办：代申请人提交用水报装', 'Assisted filing for an applicant')} back="/water-connection/work" />
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={t('须上传申请人签字的授权委托书', "Upload the applicant's signed authorization")}
        description={t('申请归属申请人：申请人本人查看进度、实名签约并评价。', 'The application is theirs: they follow it, sign and rate it.')}
      />
      <ApplicationForm
        assisted
        enterprise={null}
        applicantField={
          <Card size="small" title={t('0. 申请人', '0. Applicant')} style={{ marginBottom: 12 }}>
            <Form.Item
              name="applicantUserId"
              label={t('申请人账号 ID', "Applicant's user id")}
              extra={t('申请人平台账号的用户 ID（usr_ 开头，由申请人提供或由平台管理员在“用户管理”中查询）', "The applicant's platform user id (usr_…), from the applicant or the platform's user administration")}
              rules={[{ required: true, whitespace: true, message: t('请输入申请人账号 ID', "Enter the applicant's user id") }]}
            >
              <Input autoComplete="off" data-testid="applicant-user-id" />
            </Form.Item>
          </Card>
        }
        onCreated={(app) => {
          void message.success(t(`已代为提交，编号 ${app.number}`, `Filed: ${app.number}`));
          navigate(`/water-connection/applications/${app.id}`);
        }}
      />
    </div>
  );
}
