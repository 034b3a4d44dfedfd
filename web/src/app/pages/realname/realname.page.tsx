import { IdcardOutlined, LoginOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Grid, Skeleton, Steps, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api.js';
import { useI18n } from '../../../shared/i18n.js';
import { challengeDeadline, OTP_MAX_ATTEMPTS } from './code-countdown.js';
import { CodeForm, type CodeValues } from './code-form.js';
import { IdentityForm, type IdentityValues } from './identity-form.js';
import { ProviderBanner } from './provider-banner.js';
import {
  OIDC_START_URL,
  useConfirmLocal,
  useMyVerification,
  useRealNameProvider,
  useStartLocal,
  type LocalChallenge,
  type RealNameVerification,
} from './realname.api.js';
import { RealNameErrorAlert } from './realname-error-alert.js';
import { realNameErrorText } from './realname-problems.js';
import { readRememberedReturnTo, rememberReturnTo, safeReturnTo } from './return-to.js';
import { VerificationDetails } from './verification-details.js';
import { VerifiedResult } from './verified-result.js';

type Phase =
  | { kind: 'form' }
  | { kind: 'code'; challenge: LocalChallenge; deadline: number; attemptsLeft: number }
  | { kind: 'done'; verification: RealNameVerification };

/**
 * 实名认证 — real-name verification for anyone who must sign (e.g. the water supply contract), and the page
 * the OIDC callback lands on (`?status=verified` or `?error=<code>`). The local demo runs as two steps (name
 * and resident ID, then the one-time code from the server log); a government OIDC provider as one redirect.
 * `?returnTo=/path` sends the user back afterwards (same-site paths only).
 */
export default function RealNamePage() {
  const { t, pick } = useI18n();
  const phone = !Grid.useBreakpoint().sm;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  // What the provider's redirect brought, read once; the URL is then cleaned so a reload does not repeat it.
  const [arrival] = useState(() => ({ status: params.get('status'), error: params.get('error') }));
  const fromProvider = arrival.status !== null || arrival.error !== null;
  const [returnTo] = useState(() => safeReturnTo(params.get('returnTo')) ?? (fromProvider ? readRememberedReturnTo() : null));
  const [providerError, setProviderError] = useState(arrival.error);
  const [justVerifiedByProvider, setJustVerifiedByProvider] = useState(arrival.status === 'verified');
  useEffect(() => {
    if (!params.has('status') && !params.has('error')) return;
    const next = new URLSearchParams(params);
    next.delete('status');
    next.delete('error');
    setParams(next, { replace: true });
  }, [params, setParams]);

  const provider = useRealNameProvider();
  const me = useMyVerification();
  const start = useStartLocal();
  const confirm = useConfirmLocal();
  const [identityForm] = Form.useForm<IdentityValues>();
  const [codeForm] = Form.useForm<CodeValues>();
  const [phase, setPhase] = useState<Phase>({ kind: 'form' });
  const [again, setAgain] = useState(false);
  const [leaving, setLeaving] = useState(false);
  // The details last sent, kept in memory only so "get a new code" can ask again; never rendered.
  const submitted = useRef<IdentityValues | null>(null);

  const requestCode = (values: IdentityValues) => {
    submitted.current = values;
    confirm.reset();
    start.mutate(values, {
      onSuccess: (challenge) => {
        // The full number leaves the form once accepted: from here on only the masked form is shown.
        identityForm.setFieldValue('residentId', '');
        codeForm.resetFields();
        setPhase({ kind: 'code', challenge, deadline: challengeDeadline(challenge.expiresAt, Date.now()), attemptsLeft: OTP_MAX_ATTEMPTS });
      },
    });
  };

  const confirmCode = (code: string) => {
    if (phase.kind !== 'code') return;
    start.reset();
    confirm.mutate(
      { challengeId: phase.challenge.challengeId, code },
      {
        onSuccess: (body) => {
          submitted.current = null;
          if (body.verification) setPhase({ kind: 'done', verification: body.verification });
        },
        onError: (error) => {
          const c = error instanceof ApiError ? error.code : undefined;
          // The server counts the guesses (5 per code, README "Local demo"); the page mirrors its count.
          setPhase((p) => {
            if (p.kind !== 'code') return p;
            if (c === 'realname-code-mismatch') return { ...p, attemptsLeft: Math.max(0, p.attemptsLeft - 1) };
            if (c === 'realname-attempts-exhausted' || c === 'realname-challenge-used') return { ...p, attemptsLeft: 0 };
            if (c === 'realname-challenge-expired') return { ...p, deadline: Math.min(p.deadline, Date.now()) };
            return p;
          });
        },
      },
    );
  };

  const backToForm = () => {
    submitted.current = null;
    start.reset();
    confirm.reset();
    setPhase({ kind: 'form' });
  };

  const verifyAgain = () => {
    backToForm();
    setJustVerifiedByProvider(false);
    setAgain(true);
  };

  // Coming back with the browser's Back button restores this page from the cache, spinner and all.
  useEffect(() => {
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) setLeaving(false);
    };
    window.addEventListener('pageshow', onShow);
    return () => window.removeEventListener('pageshow', onShow);
  }, []);

  const goToProvider = () => {
    // The callback comes back to /realname without our query: keep the return path for this tab.
    rememberReturnTo(returnTo);
    setLeaving(true);
    window.location.assign(OIDC_START_URL);
  };

  // Each step replaces the card's content; on a phone the new step would start above or below the screen.
  const cardRef = useRef<HTMLDivElement>(null);
  const shownPhase = useRef(phase.kind);
  useEffect(() => {
    if (shownPhase.current === phase.kind) return;
    shownPhase.current = phase.kind;
    cardRef.current?.scrollIntoView({ block: 'start' });
  }, [phase.kind]);

  const p = provider.data;
  const current = me.data ?? null;

  let body: React.ReactNode;
  if (provider.isPending || (me.isPending && (justVerifiedByProvider || phase.kind === 'form'))) {
    body = <Skeleton active paragraph={{ rows: 5 }} />;
  } else if (phase.kind === 'done') {
    body = <VerifiedResult v={phase.verification} returnTo={returnTo} onAgain={verifyAgain} />;
  } else if (justVerifiedByProvider && current) {
    body = <VerifiedResult v={current} returnTo={returnTo} onAgain={verifyAgain} />;
  } else if (current && !again && phase.kind === 'form') {
    body = (
      <div data-testid="realname-current">
        <Alert
          type="success"
          showIcon
          icon={<SafetyCertificateOutlined />}
          style={{ marginBottom: 16 }}
          title={t('您已完成实名认证', 'You have verified your real name')}
          description={
            current.isDemo
              ? t('这是本地演示认证（等级：低），只说明号码格式正确。', 'This is a local demo verification (level: low); it only shows the number is well formed.')
              : undefined
          }
        />
        <VerificationDetails v={current} />
        <Flex vertical gap={8} style={{ marginTop: 16 }}>
          {returnTo && (
            <Button type="primary" size="large" block onClick={() => { rememberReturnTo(null); navigate(returnTo); }} data-testid="realname-return">
              {t('返回继续办理', 'Back to where you were')}
            </Button>
          )}
          <Button block onClick={verifyAgain} data-testid="realname-again">
            {t('重新认证', 'Verify again')}
          </Button>
        </Flex>
      </div>
    );
  } else if (p?.flow === 'redirect') {
    body = (
      <div data-testid="realname-oidc-panel">
        <Typography.Paragraph>
          {t(
            '点击下方按钮，前往认证服务登录并同意提供姓名和身份证号码。完成后将自动返回本页。',
            'Press the button to sign in at the provider and consent to share your name and resident ID. You then come back here.',
          )}
        </Typography.Paragraph>
        <Button type="primary" size="large" block icon={<LoginOutlined />} loading={leaving} onClick={goToProvider} data-testid="realname-oidc-start">
          {providerError ? t('重新发起实名认证', 'Start again') : t('前往认证服务', 'Continue to the provider')}
        </Button>
      </div>
    );
  } else if (p?.flow === 'otp') {
    body = (
      <>
        <Steps
          size="small"
          responsive={false}
          titlePlacement={phone ? 'vertical' : 'horizontal'}
          current={phase.kind === 'code' ? 1 : 0}
          style={{ marginBottom: 20 }}
          items={[{ title: t('填写身份信息', 'Your details') }, { title: t('输入验证码', 'One-time code') }, { title: t('完成', 'Done') }]}
        />
        {phase.kind === 'code' ? (
          <CodeForm
            form={codeForm}
            challenge={phase.challenge}
            deadline={phase.deadline}
            attemptsLeft={phase.attemptsLeft}
            onConfirm={confirmCode}
            onResend={() => submitted.current && requestCode(submitted.current)}
            onEdit={backToForm}
            confirming={confirm.isPending}
            resending={start.isPending}
            error={confirm.error ?? start.error}
          />
        ) : (
          <IdentityForm form={identityForm} onSubmit={requestCode} pending={start.isPending} error={start.error} />
        )}
      </>
    );
  }

  return (
    <div style={{ maxWidth: 680, margin: '0 auto' }} data-testid="realname-page">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        <IdcardOutlined /> {t('实名认证', 'Real-name verification')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '签署供水合同等具有法律效力的操作前，须确认操作人的真实身份。身份证号码只在提交时发送一次，平台只保存部分号码和密钥散列值，不保存完整号码。',
          'Before a legally binding act such as signing a water supply contract, the person acting must be identified. The ID number is sent once, when you submit; the platform keeps only a masked form and a keyed hash, never the full number.',
        )}
      </Typography.Paragraph>
      {provider.error && <RealNameErrorAlert error={provider.error} />}
      {me.error && <RealNameErrorAlert error={me.error} />}
      {p && <ProviderBanner provider={p} />}
      {providerError && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProviderError(null) }}
          style={{ marginBottom: 16 }}
          data-testid="realname-callback-error"
          title={pick(realNameErrorText(providerError))}
          description={t('实名认证未完成，您可以重新发起。', 'The verification did not complete; you can start again.')}
        />
      )}
      {justVerifiedByProvider && !me.isPending && !current && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('未找到认证结果，请重新认证', 'No verification was found; please verify again')} />
      )}
      <div ref={cardRef} style={{ scrollMarginTop: 64 }}>
        <Card styles={{ body: { padding: phone ? 16 : 24 } }}>{body}</Card>
      </div>
    </div>
  );
}
