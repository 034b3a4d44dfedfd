import { Card, Flex, List, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../shared/api.js';
import { useAuth } from '../../../shared/auth.js';
import { formatFen } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { BASE } from '../bankruptcy.api.js';
import { ROLE_JUDGE } from '../bankruptcy.labels.js';
import { BkHeader } from '../components/bk-header.js';

const NEEDS: Record<string, [string, string]> = {
  informationExchange: ['信息互通', 'Information exchange'],
  financing: ['融资纾困', 'Financing'],
  assetTrading: ['资产交易', 'Asset trading'],
};

/** Before a case: distressed enterprises, mediation records and pre-reorganizations. */
export default function RegistryPage() {
  const { t, pick } = useI18n();
  const { hasRole } = useAuth();
  const distressed = useQuery({ queryKey: ['bankruptcy', 'distressed'], queryFn: async () => (await api.get<{ items: { id: string; name: string; district: string; needs: string[]; description: string; status: string }[] }>(`${BASE}/distressed-enterprises`)).items });
  const mediations = useQuery({ queryKey: ['bankruptcy', 'mediations'], queryFn: async () => (await api.get<{ items: { id: string; debtorName: string; subject: string; amountFen: number; outcome: string }[] }>(`${BASE}/mediations`)).items });
  const pre = useQuery({
    queryKey: ['bankruptcy', 'pre'],
    enabled: hasRole(ROLE_JUDGE),
    queryFn: async () => (await api.get<{ items: { id: string; debtorName: string; registeredOn: string; status: string; notes: string }[] }>(`${BASE}/pre-reorganizations`)).items,
  });
  return (
    <div style={{ maxWidth: 1000, margin: '0 auto' }} data-testid="bk-registry">
      <BkHeader back="/bankruptcy" title={t('危困企业帮扶与预重整', 'Distressed enterprises and pre-reorganization')} />
      <Flex vertical gap={12}>
        <Card size="small" title={t('危困企业库', 'Distressed enterprises')}>
          <ProblemAlert error={distressed.error} />
          <List
            dataSource={distressed.data ?? []}
            renderItem={(d) => (
              <List.Item>
                <List.Item.Meta title={d.name} description={d.description} />
                <Flex gap={4} wrap>
                  {d.needs.map((n) => (
                    <Tag key={n}>{pick(NEEDS[n] ?? [n, n])}</Tag>
                  ))}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('诉前调解', 'Mediations')}>
          <List
            dataSource={mediations.data ?? []}
            renderItem={(m) => (
              <List.Item>
                <List.Item.Meta title={m.debtorName} description={`${m.subject} · ${formatFen(m.amountFen)}`} />
                <Tag color={m.outcome === 'settled' ? 'green' : m.outcome === 'withdrawn' ? 'default' : 'blue'}>{m.outcome === 'settled' ? t('调解成功', 'Settled') : m.outcome === 'withdrawn' ? t('撤回申请', 'Withdrawn') : t('调解中', 'Pending')}</Tag>
              </List.Item>
            )}
          />
        </Card>
        {hasRole(ROLE_JUDGE) && (
          <Card size="small" title={t('预重整登记', 'Pre-reorganizations')}>
            <List
              dataSource={pre.data ?? []}
              renderItem={(p) => (
                <List.Item>
                  <List.Item.Meta title={p.debtorName} description={<Typography.Text type="secondary">{p.notes}</Typography.Text>} />
                  <Tag>{p.status === 'converted' ? t('已转入重整', 'Converted') : t('预重整中', 'In progress')}</Tag>
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
    </div>
  );
}
