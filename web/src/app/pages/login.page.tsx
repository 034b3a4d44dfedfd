import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAuth, useLogin } from '../../shared/auth.js';
import { useI18n } from '../../shared/i18n.js';
import { ProblemAlert, applyProblemToForm } from '../../shared/problem-view.js';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths are followed after login, so a crafted ?next= cannot send the user elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<LoginForm>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { user } = useAuth();
  const login = useLogin();
  const next = safeNext(params.get('next'));

  if (user && !login.isSuccess) return <Navigate to={next} replace />;

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: 24 }}>
      <Card style={{ width: '100%', maxWidth: 400 }} data-testid="login-card">
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {t('账号登录', 'Sign in')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          {t('企业用户、窗口人员与机构人员统一登录', 'One sign-in for enterprises, service windows and institutions')}
        </Typography.Paragraph>
        <ProblemAlert error={login.error} form={form} />
        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) =>
            login.mutate(values, {
              onSuccess: () => navigate(next, { replace: true }),
              onError: (error) => applyProblemToForm(form, error),
            })
          }
        >
          <Form.Item name="username" label={t('用户名', 'Username')} rules={[{ required: true, message: t('请输入用户名', 'Enter your username') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('密码', 'Password')} rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
            {t('登录', 'Sign in')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
