import { Alert, Button, Card, Descriptions, Flex, List, Segmented, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { useAuth } from '../../../shared/auth.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useMeeting, useMyBallots, useTally } from '../bankruptcy.api.js';
import { choiceLabels, groupLabels, kindLabels, nextStepLabels, ROLE_ADMINISTRATOR, ROLE_CREDITOR } from '../bankruptcy.labels.js';
import { BkHeader } from '../components/bk-header.js';
import { OutcomeCard } from '../components/outcome-view.js';

/**
 * One vote: the rule, the window and the ballot policy; for a creditor sign-in, ballot and receipts; the live
 * tally for everyone of the case; for the administrator closing the vote once the window has passed.
 */
export default function ItemPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const tally = useTally(id);
  const item = tally.data?.item;
  const meeting = useMeeting(item?.meetingId ?? '');
  const creditor = hasRole(ROLE_CREDITOR);
  const mine = useMyBallots(id, creditor);
  const groups = (tally.data?.outcome.groups ?? []).map((g) => g.group);
  const [group, setGroup] = useState<string | undefined>();
  const chosenGroup = item?.kind === 'reorganizationPlan' ? (group ?? groups[0]) : undefined;
  const signIn = useBkMutation(() => api.post(`${BASE}/meetings/${item!.meetingId}/sign-in`));
  const vote = useBkMutation((choice: string) => api.post(`${BASE}/items/${id}/ballots`, { choice, ...(chosenGroup ? { group: chosenGroup } : {}) }));
  const close = useBkMutation(() => api.post(`${BASE}/items/${id}/close`));
  const open = item && item.status === 'open' && Date.now() < Date.parse(item.closesAt);
  // Under finalOnCast a second ballot would be refused (409): show the ballot cast instead of the buttons.
  const locked = item?.ballotPolicy === 'finalOnCast' && (mine.data ?? []).some((b) => !b.superseded && (b.group ?? undefined) === chosenGroup);
  return (
    <div style={{ maxWidth: 860, margin: '0 auto' }} data-testid="bk-item">
      <BkHeader back={item ? `/bankruptcy/cases/${item.caseId}` : '/bankruptcy/cases'} title={item?.title ?? t('表决事项', 'Vote')} subtitle={item && pick(kindLabels[item.kind] ?? [item.kind, item.kind])} />
      <ProblemAlert error={tally.error} />
      {tally.isLoading && <Skeleton active />}
      {item && (
        <Flex vertical gap={12}>
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('表决时间', 'Window')}>
              {formatDateTime(item.opensAt)} – {formatDateTime(item.closesAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('改票规则', 'Ballot changes')}>
              {item.ballotPolicy === 'finalOnCast' ? t('首次投票即为最终投票', 'First ballot is final') : t('截止前可改票，以最后一次为准', 'Changeable until the close')}
            </Descriptions.Item>
            {item.attempt === 2 && <Descriptions.Item label={t('轮次', 'Round')}>{t('再次表决', 'Second vote')}</Descriptions.Item>}
          </Descriptions>

          {creditor && open && (
            <Card size="small" title={t('网络投票', 'Vote online')}>
              <ProblemAlert error={vote.error ?? signIn.error} />
              {!meeting.data?.signedIn && (
                <Button onClick={() => signIn.mutate(undefined)} loading={signIn.isPending} style={{ marginBottom: 12 }} data-testid="bk-sign-in">
                  {t('签到', 'Sign in')}
                </Button>
              )}
              {item.kind === 'reorganizationPlan' && groups.length > 0 && (
                <Segmented style={{ marginBottom: 12 }} value={chosenGroup} onChange={(v) => setGroup(String(v))} options={groups.map((g) => ({ value: g, label: pick(groupLabels[g] ?? [g, g]) }))} />
              )}
              {locked ? (
                <Alert type="info" showIcon message={t('您已投票，本事项首次投票即为最终投票', 'You have voted; the first ballot is final on this item')} />
              ) : (
                <Flex gap={8} wrap>
                  {(['for', 'against', 'abstain'] as const).map((c) => (
                    <Button key={c} type={c === 'for' ? 'primary' : 'default'} danger={c === 'against'} size="large" loading={vote.isPending && vote.variables === c} onClick={() => vote.mutate(c)} data-testid={`bk-vote-${c}`}>
                      {pick(choiceLabels[c]!)}
                    </Button>
                  ))}
                </Flex>
              )}
            </Card>
          )}

          {creditor && (mine.data?.length ?? 0) > 0 && (
            <Card size="small" title={t('我的投票', 'My ballots')}>
              <List
                size="small"
                dataSource={mine.data ?? []}
                renderItem={(b) => (
                  <List.Item data-testid="bk-my-ballot">
                    <span>
                      {pick(choiceLabels[b.choice] ?? [b.choice, b.choice])} {b.group && <Tag>{pick(groupLabels[b.group] ?? [b.group, b.group])}</Tag>}
                      {b.superseded && <Tag>{t('已被替换', 'Superseded')}</Tag>}
                    </span>
                    <Typography.Text type="secondary">
                      {formatDateTime(b.castAt)} · {t('存证', 'Leaf')} {b.ledgerIndex ?? '—'}{' '}
                      {!b.superseded && (
                        <a href={`/api/v1/bankruptcy/items/${id}/ballots/mine/receipt${b.group ? `?group=${b.group}` : ''}`} target="_blank" rel="noreferrer">
                          {t('回执', 'Receipt')}
                        </a>
                      )}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
          )}

          {tally.data && <OutcomeCard outcome={tally.data.outcome} final={tally.data.final} />}
          {item.nextStep && (
            <Alert
              type={item.passed ? 'success' : 'warning'}
              showIcon
              message={pick(nextStepLabels[item.nextStep.step] ?? [item.nextStep.step, item.nextStep.step])}
              description={item.resultNoticeDueOn && t(`表决结果须于 ${item.resultNoticeDueOn} 前告知债权人（司法解释三第十一条）`, `Creditors are told the result by ${item.resultNoticeDueOn} (SPC III Art. 11)`)}
              data-testid="bk-next-step"
            />
          )}
          {hasRole(ROLE_ADMINISTRATOR) && item.status === 'open' && (
            <div>
              <ProblemAlert error={close.error} />
              <Button type="primary" disabled={!!open} onClick={() => close.mutate(undefined)} loading={close.isPending} data-testid="bk-close-vote">
                {open ? t('表决截止后可结束计票', 'Close after the window') : t('结束表决并计算结果', 'Close and decide')}
              </Button>
            </div>
          )}
        </Flex>
      )}
    </div>
  );
}
