import { ClockCircleOutlined, FileTextOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { tr, useI18n } from '../../../shared/i18n.js';
import { formatRemaining } from './code-countdown.js';
import type { LocalChallenge } from './realname.api.js';
import { RealNameErrorAlert } from './realname-error-alert.js';
import { useNow } from './use-now.js';

export interface CodeValues {
  code: string;
}

/**
 * Step 2: the 6-digit one-time code. Shows where the code went (the demo: the server log, no SMS), the masked
 * number it was issued for, the time left and the guesses left; when either runs out only "get a new code"
 * remains.
 */
export function CodeForm({
  form,
  challenge,
  deadline,
  attemptsLeft,
  onConfirm,
  onResend,
  onEdit,
  confirming,
  resending,
  error,
}: {
  form: FormInstance<CodeValues>;
  challenge: LocalChallenge;
  deadline: number;
  attemptsLeft: number;
  onConfirm: (code: string) => void;
  onResend: () => void;
  onEdit: () => void;
  confirming: boolean;
  resending: boolean;
  error: unknown;
}) {
  const { t } = useI18n();
  const now = useNow(true);
  const remaining = deadline - now;
  const expired = remaining <= 0;
  const exhausted = attemptsLeft <= 0;
  const code = error instanceof ApiError ? error.code : undefined;

  // A wrong code is reported under the field together with the guesses left.
  useEffect(() => {
    if (code === 'realname-code-mismatch') {
      form.setFields([{ name: 'code', errors: [tr(`验证码不正确，还可尝试 ${attemptsLeft} 次`, `Wrong code; ${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left`)] }]);
    }
    // attemptsLeft changes together with the error it reports.
  }, [error, code, attemptsLeft, form]);

  return (
    <Form<CodeValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      autoComplete="off"
      data-testid="realname-code-form"
      onFinish={(v) => onConfirm(v.code)}
    >
      <Alert
        type="info"
        showIcon
        icon={<FileTextOutlined />}
        style={{ marginBottom: 16 }}
        data-testid="realname-code-sent"
        title={
          challenge.codeDelivery === 'server-log'
            ? t('验证码已写入服务器日志（演示环境，未发送短信）', 'The code was written to the server log (demo, no SMS sent)')
            : t('验证码已发送', 'The code has been sent')
        }
        description={
          <span>
            {t('身份证号码', 'Resident ID')}{' '}
            <Typography.Text code data-testid="realname-masked-id">
              {challenge.residentIdMasked}
            </Typography.Text>
            <br />
            {t(`有效期至 ${formatDateTime(challenge.expiresAt)}`, `Valid until ${formatDateTime(challenge.expiresAt)}`)}
          </span>
        }
      />
      <Flex wrap gap={16} style={{ marginBottom: 12 }} aria-live="polite">
        <Typography.Text type={expired ? 'danger' : remaining < 60_000 ? 'warning' : 'secondary'} data-testid="realname-countdown">
          <ClockCircleOutlined />{' '}
          {expired ? t('验证码已过期', 'The code has expired') : t(`剩余 ${formatRemaining(remaining)}`, `${formatRemaining(remaining)} left`)}
        </Typography.Text>
        <Typography.Text type={exhausted ? 'danger' : attemptsLeft <= 2 ? 'warning' : 'secondary'} data-testid="realname-attempts">
          {t(`还可尝试 ${attemptsLeft} 次`, `${attemptsLeft} ${attemptsLeft === 1 ? 'try' : 'tries'} left`)}
        </Typography.Text>
      </Flex>
      <Form.Item
        name="code"
        label={t('6 位验证码', '6-digit code')}
        validateTrigger="onBlur"
        normalize={(value: string) => (value ?? '').normalize('NFKC').replace(/\D/g, '').slice(0, 6)}
        rules={[
          { required: true, message: t('请输入验证码', 'Enter the code') },
          { pattern: /^\d{6}$/, message: t('验证码为 6 位数字', 'The code is 6 digits') },
        ]}
      >
        <Input
          size="large"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          disabled={expired || exhausted}
          style={{ letterSpacing: '0.4em', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 20, maxWidth: 260 }}
          data-testid="realname-code"
        />
      </Form.Item>
      {code !== 'realname-code-mismatch' && <RealNameErrorAlert error={error} formShowsFields />}
      <Flex vertical gap={8}>
        <Button type="primary" htmlType="submit" size="large" block loading={confirming} disabled={expired || exhausted} data-testid="realname-confirm">
          {t('完成认证', 'Verify')}
        </Button>
        <Flex gap={8} wrap>
          <Button icon={<ReloadOutlined />} onClick={onResend} loading={resending} type={expired || exhausted ? 'primary' : 'default'} ghost={expired || exhausted} data-testid="realname-resend" style={{ flex: 1 }}>
            {t('重新获取验证码', 'Get a new code')}
          </Button>
          <Button onClick={onEdit} data-testid="realname-edit" style={{ flex: 1 }}>
            {t('修改身份信息', 'Change details')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
