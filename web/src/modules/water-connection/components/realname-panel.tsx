import { IdcardOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { useMyVerification, useRealNameProvider, type RealNameVerification } from '../water-connection.api.js';

interface Challenge {
  challengeId: string;
  expiresAt: string;
  residentIdMasked: string;
  codeDelivery?: string;
}

/** The verified identity, as the contract signer will be named. */
/** eIDAS levels (Regulation 910/2014 Art. 8), as platform/realname records them. */
const assuranceLabels: Record<string, readonly [string, string]> = {
  low: ['低（仅校验证件格式）', 'low (ID format only)'],
  substantial: ['较高（政务身份账号）', 'substantial (government identity account)'],
  high: ['高（人脸或证书核验）', 'high (face or certificate)'],
};

export function VerifiedIdentity({ v, onRenew }: { v: RealNameVerification; onRenew?: () => void }) {
  const { t, pick } = useI18n();
  return (
    <Alert
      action={
        onRenew && (
          <Button size="small" type="link" onClick={onRenew} data-testid="realname-renew">
            {t('重新认证', 'Verify again')}
          </Button>
        )
      }
      type="success"
      showIcon
      icon={<SafetyCertificateOutlined />}
      data-testid="realname-verified"
      title={t(`已实名认证：${v.name}（${v.residentIdMasked}）`, `Verified: ${v.name} (${v.residentIdMasked})`)}
      description={
        <span style={{ fontSize: 13 }}>
          {formatDateTime(v.verifiedAt)} · {t('认证等级', 'Assurance')} {pick(assuranceLabels[v.assurance] ?? [v.assurance, v.assurance])}
          {v.isDemo ? ` · ${t('本地演示认证', 'local demo')}` : ''}
        </span>
      }
    />
  );
}

/**
 * Real-name verification before signing (DOMAIN water-connection: the contract is signed online only after
 * real-name verification of the signer). The provider's own label is shown verbatim; the local demo says
 * plainly that it is not a government service and that its one-time code is in the server log. `again` shows
 * the form to someone already verified (a new verification replaces the old one, e.g. a demo-level one).
 */
export function RealNamePanel({ onVerified, again = false }: { onVerified?: () => void; again?: boolean }) {
  const { t } = useI18n();
  const provider = useRealNameProvider();
  const me = useMyVerification();
  const qc = useQueryClient();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [startForm] = Form.useForm<{ name: string; residentId: string }>();
  const [codeForm] = Form.useForm<{ code: string }>();

  const start = useMutation({
    mutationFn: (v: { name: string; residentId: string }) => api.post<Challenge>('/realname/local/start', { name: v.name.trim(), residentId: v.residentId.trim().toUpperCase() }),
    onSuccess: (c) => setChallenge(c),
    onError: (e) => applyProblemToForm(startForm, e),
    meta: { silent: true },
  });
  const confirm = useMutation({
    mutationFn: (v: { code: string }) => api.post<{ verification: RealNameVerification }>('/realname/local/confirm', { challengeId: challenge!.challengeId, code: v.code.trim() }),
    onSuccess: async () => {
      setChallenge(null);
      await qc.invalidateQueries({ queryKey: ['realname', 'me'] });
      onVerified?.();
    },
    onError: (e) => applyProblemToForm(codeForm, e),
    meta: { silent: true },
  });

  if (me.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (me.data && !again) return <VerifiedIdentity v={me.data} />;
  const p = provider.data;
  return (
    <Card
      size="small"
      title={
        <span>
          <IdcardOutlined /> {t('实名认证', 'Real-name verification')}
        </span>
      }
      data-testid="realname-panel"
    >
      <ProblemAlert error={provider.error ?? me.error} />
      <Typography.Paragraph style={{ fontSize: 13 }}>
        {t('签署供水合同前须完成签署人实名认证，认证结果用于合同电子签名。', 'The signer must verify their real name before signing the supply contract.')}
      </Typography.Paragraph>
      {p && (
        <Alert
          type={p.isDemo ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="realname-provider-label"
          title={p.label}
          description={
            p.isDemo
              ? t('演示环境：仅校验身份证号码格式，一次性验证码写入服务器日志，不发送短信，不核验人脸。', 'Demo: only the ID format is checked; the one-time code is written to the server log, no SMS, no face check.')
              : undefined
          }
        />
      )}
      {p?.flow === 'redirect' && (
        <Button type="primary" block onClick={() => window.location.assign('/api/v1/realname/oidc/start')} data-testid="realname-oidc">
          {t('前往认证', 'Verify with the provider')}
        </Button>
      )}
      {p?.flow === 'otp' && (
        <>
          <Steps size="small" current={challenge ? 1 : 0} style={{ marginBottom: 12 }} items={[{ title: t('填写身份信息', 'Identity') }, { title: t('输入验证码', 'One-time code') }]} />
          {!challenge ? (
            <Form form={startForm} layout="vertical" onFinish={(v) => start.mutate(v)} requiredMark={false}>
              <Form.Item name="name" label={t('姓名', 'Name')} rules={[{ required: true, whitespace: true, message: t('请输入姓名', 'Enter your name') }]}>
                <Input autoComplete="name" maxLength={50} data-testid="realname-name" />
              </Form.Item>
              <Form.Item
                name="residentId"
                label={t('居民身份证号码', 'Resident ID number')}
                rules={[
                  { required: true, message: t('请输入身份证号码', 'Enter your resident ID number') },
                  { pattern: /^\d{17}[\dXx]$/, message: t('应为 17 位数字加 1 位数字或 X', '17 digits followed by a digit or X') },
                ]}
              >
                <Input maxLength={18} autoComplete="off" inputMode="text" data-testid="realname-resident-id" />
              </Form.Item>
              <ProblemAlert error={start.error} form={startForm} />
              <Button type="primary" htmlType="submit" block loading={start.isPending} data-testid="realname-start">
                {t('获取验证码', 'Get a one-time code')}
              </Button>
            </Form>
          ) : (
            <Form form={codeForm} layout="vertical" onFinish={(v) => confirm.mutate(v)} requiredMark={false}>
              <Alert
                type="info"
                style={{ marginBottom: 12 }}
                title={
                  challenge.codeDelivery === 'server-log'
                    ? t(`验证码已写入服务器日志（演示，未发送短信），${formatDateTime(challenge.expiresAt)} 前有效。`, `The code is in the server log (demo, no SMS); valid until ${formatDateTime(challenge.expiresAt)}.`)
                    : t(`验证码已发送，${formatDateTime(challenge.expiresAt)} 前有效。`, `Code sent; valid until ${formatDateTime(challenge.expiresAt)}.`)
                }
                description={t(`身份证号码 ${challenge.residentIdMasked}`, `Resident ID ${challenge.residentIdMasked}`)}
              />
              <Form.Item
                name="code"
                label={t('6 位验证码', '6-digit code')}
                rules={[{ required: true, pattern: /^\d{6}$/, message: t('验证码为 6 位数字', 'The code is 6 digits') }]}
              >
                <Input maxLength={6} inputMode="numeric" autoComplete="one-time-code" data-testid="realname-code" />
              </Form.Item>
              <ProblemAlert error={confirm.error} form={codeForm} />
              <Button type="primary" htmlType="submit" block loading={confirm.isPending} data-testid="realname-confirm">
                {t('完成认证', 'Verify')}
              </Button>
              <Button type="link" block onClick={() => setChallenge(null)}>
                {t('重新填写', 'Start again')}
              </Button>
            </Form>
          )}
        </>
      )}
    </Card>
  );
}
