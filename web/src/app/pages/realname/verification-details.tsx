import { Descriptions, Tag } from 'antd';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { assuranceOf } from './assurance.js';
import type { RealNameVerification } from './realname.api.js';

/** A verification as recorded: name, masked ID (the server never returns the full number), level, time. */
export function VerificationDetails({ v }: { v: RealNameVerification }) {
  const { t, pick } = useI18n();
  const level = assuranceOf(v.assurance);
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid="realname-details"
      styles={{ label: { whiteSpace: 'nowrap', width: '1%' } }}
      items={[
        { key: 'name', label: t('姓名', 'Name'), children: <span data-testid="realname-verified-name">{v.name}</span> },
        {
          key: 'id',
          label: t('身份证号码', 'Resident ID'),
          children: (
            <span data-testid="realname-verified-id" style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', wordBreak: 'break-all' }}>
              {v.residentIdMasked}
            </span>
          ),
        },
        {
          key: 'assurance',
          label: t('认证等级', 'Assurance level'),
          children: (
            <span data-testid="realname-verified-assurance">
              <Tag color={level?.color}>{level ? pick(level.label) : v.assurance}</Tag>
              {level && <span style={{ fontSize: 12, opacity: 0.75 }}>{pick(level.meaning)}</span>}
            </span>
          ),
        },
        {
          key: 'provider',
          label: t('认证方式', 'Method'),
          children: v.isDemo ? t('本地演示实名认证（非政务服务）', 'Local demo (not a government service)') : v.provider,
        },
        { key: 'at', label: t('认证时间', 'Verified at'), children: <span data-testid="realname-verified-at">{formatDateTime(v.verifiedAt)}</span> },
      ]}
    />
  );
}
