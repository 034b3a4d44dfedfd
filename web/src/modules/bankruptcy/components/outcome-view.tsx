import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Descriptions, Flex, Progress, Tag, Typography } from 'antd';
import { formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import type { AmountView, OutcomeView, TestView } from '../bankruptcy.api.js';
import { groupLabels } from '../bankruptcy.labels.js';
import { percentText } from '../money-input.js';

function Met({ met }: { met: boolean }) {
  return met ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />;
}

/** "过半数": heads for / present, strictly more than half. */
function Heads({ heads }: { heads: TestView }) {
  const { t } = useI18n();
  return (
    <div>
      <Flex justify="space-between" gap={8}>
        <span>
          <Met met={heads.met} /> {t('人数（过半数）', 'Heads (more than half)')}
        </span>
        <span data-testid="tally-heads">
          {heads.for} / {heads.present} · {percentText(heads.for, heads.present)}
        </span>
      </Flex>
      <Progress percent={heads.present ? Math.floor((heads.for * 100) / heads.present) : 0} showInfo={false} strokeColor={heads.met ? '#389e0d' : '#faad14'} />
    </div>
  );
}

/** "以上": amount for / the statutory total, at least p/q. */
function Amount({ amount }: { amount: AmountView }) {
  const { t } = useI18n();
  const [p, q] = amount.fraction;
  return (
    <div>
      <Flex justify="space-between" gap={8} wrap>
        <span>
          <Met met={amount.met} /> {t(`债权额（${q === 2 ? '二分之一' : '三分之二'}以上）`, `Amount (at least ${p}/${q})`)}
        </span>
        <span data-testid="tally-amount">
          {formatFen(amount.forFen)} / {formatFen(amount.totalFen)} · {percentText(amount.forFen, amount.totalFen)}
        </span>
      </Flex>
      <Progress percent={amount.totalFen ? Math.floor((amount.forFen * 100) / amount.totalFen) : 0} showInfo={false} strokeColor={amount.met ? '#389e0d' : '#faad14'} />
    </div>
  );
}

/** A tally (live or final): both tests per body, the result and the article that decided it. */
export function OutcomeCard({ outcome, final }: { outcome: OutcomeView; final: boolean }) {
  const { t, lang, pick } = useI18n();
  return (
    <Card
      size="small"
      title={final ? t('表决结果', 'Result') : t('实时计票', 'Live tally')}
      extra={
        <Tag color={outcome.passed ? 'green' : final ? 'red' : 'orange'} data-testid="tally-result">
          {outcome.passed ? t('通过', 'Passed') : final ? t('未通过', 'Not passed') : t('尚未达到', 'Not yet reached')}
        </Tag>
      }
    >
      <Flex vertical gap={12}>
        {outcome.heads && <Heads heads={outcome.heads} />}
        {outcome.amount && <Amount amount={outcome.amount} />}
        {outcome.groups?.map((g) => (
          <Card key={g.group} size="small" type="inner" title={pick(groupLabels[g.group] ?? [g.group, g.group])} extra={<Met met={g.passed} />}>
            {g.heads && <Heads heads={g.heads} />}
            {g.amount && <Amount amount={g.amount} />}
            {g.votingRights && (
              <Typography.Text>
                {t('表决权', 'Voting rights')}: {g.votingRights.for} / {g.votingRights.participating}
              </Typography.Text>
            )}
            {g.revoted && <Tag color="purple">{t('再次表决', 'Re-voted')}</Tag>}
          </Card>
        ))}
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t('依据', 'Decided by')}>
            <span data-testid="tally-basis">{lang === 'en' ? outcome.decidedBy.en : outcome.decidedBy.zh}</span>
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    </Card>
  );
}
