import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n.js';
import type { RealNameVerification } from './realname.api.js';
import { rememberReturnTo } from './return-to.js';
import { useNow } from './use-now.js';
import { VerificationDetails } from './verification-details.js';

/** Seconds before a fresh verification sends the user back to where they came from. */
const AUTO_RETURN_MS = 5_000;

/**
 * Step 3: the verification just made. With a return path (e.g. the water contract waiting for its signer) the
 * user is sent back after a short pause, which they can skip or cancel.
 */
export function VerifiedResult({ v, returnTo, onAgain }: { v: RealNameVerification; returnTo: string | null; onAgain: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [autoAt, setAutoAt] = useState<number | null>(() => (returnTo ? Date.now() + AUTO_RETURN_MS : null));
  const now = useNow(autoAt !== null, 250);

  const goBack = () => {
    if (!returnTo) return;
    rememberReturnTo(null);
    navigate(returnTo);
  };

  useEffect(() => {
    if (autoAt === null || !returnTo) return;
    const timer = setTimeout(() => {
      rememberReturnTo(null);
      navigate(returnTo);
    }, Math.max(0, autoAt - Date.now()));
    return () => clearTimeout(timer);
  }, [autoAt, returnTo, navigate]);

  const secondsLeft = autoAt === null ? 0 : Math.max(0, Math.ceil((autoAt - now) / 1000));
  return (
    <div data-testid="realname-success">
      <Flex gap={12} align="center" style={{ marginBottom: 16 }}>
        <CheckCircleFilled style={{ fontSize: 40, color: '#52c41a', flex: 'none' }} />
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('实名认证成功', 'Real-name verification complete')}
          </Typography.Title>
          <Typography.Text type="secondary">{t(`${v.name}，您的实名认证已记录。`, `${v.name}, your verification has been recorded.`)}</Typography.Text>
        </div>
      </Flex>
      <VerificationDetails v={v} />
      <Flex vertical gap={8} style={{ marginTop: 16 }}>
        {returnTo && (
          <>
            <Button type="primary" size="large" block onClick={goBack} data-testid="realname-return">
              {t('返回继续办理', 'Back to where you were')}
            </Button>
            {autoAt !== null && (
              <Flex justify="center" gap={8} align="baseline" wrap data-testid="realname-auto-return">
                <Typography.Text type="secondary">{t(`${secondsLeft} 秒后自动返回`, `Returning in ${secondsLeft} s`)}</Typography.Text>
                <Button type="link" size="small" onClick={() => setAutoAt(null)} data-testid="realname-stay">
                  {t('留在本页', 'Stay here')}
                </Button>
              </Flex>
            )}
          </>
        )}
        <Button block onClick={onAgain} data-testid="realname-again">
          {t('重新认证', 'Verify again')}
        </Button>
      </Flex>
    </div>
  );
}
