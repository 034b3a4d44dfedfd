import { CheckCircleOutlined, HistoryOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Progress, Radio, Skeleton, Space, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { BASE, useChecklist, type ChecklistItem, type SelfCheckView } from '../inspections.api.js';

/**
 * 照单自己管: pick the items that apply, answer each check point yes (符合) or no (不符合), and get a report of
 * what is not met, with the legal basis and a reminder — on screen and as a PDF.
 */
export default function SelfCheckPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const checklist = useChecklist();
  const [items, setItems] = useState<string[]>(() => (params.get('items') ?? '').split(',').filter((s) => s !== ''));
  const [answers, setAnswers] = useState<Record<string, 'yes' | 'no'>>({});

  const byCode = useMemo(() => {
    const m = new Map<string, ChecklistItem>();
    for (const d of checklist.data?.departments ?? []) for (const c of d.categories) for (const i of c.items) m.set(i.code, i);
    return m;
  }, [checklist.data]);
  const treeData = useMemo(
    () =>
      (checklist.data?.departments ?? []).map((d) => ({
        title: d.name,
        value: d.code,
        children: d.categories.map((c) => ({ title: c.name, value: c.code, children: c.items.map((i) => ({ title: i.name, value: i.code })) })),
      })),
    [checklist.data],
  );
  const chosen = items.map((c) => byCode.get(c)).filter((i): i is ChecklistItem => i !== undefined);
  const points = chosen.flatMap((i) => i.points);
  const answered = points.filter((p) => answers[p.code]).length;

  const submit = useMutation({
    mutationFn: () =>
      api.post<SelfCheckView>(`${BASE}/self-checks`, {
        itemCodes: chosen.map((i) => i.code),
        answers: Object.fromEntries(points.filter((p) => answers[p.code]).map((p) => [p.code, answers[p.code]])),
      }),
    onSuccess: (v) => navigate(`/inspections/self-check/${v.id}`),
  });

  return (
    <div data-testid="insp-self-check">
      <PageHeader
        back="/inspections"
        title={t('企业自查', 'Self-check')}
        subtitle={t('对照公开的抽查事项清单，自己先查一遍', 'Check yourself against the published checklist first')}
        extra={
          <Link to="/inspections/self-check/history">
            <Button icon={<HistoryOutlined />}>{t('自查记录', 'History')}</Button>
          </Link>
        }
      />
      <ProblemAlert error={checklist.error} />
      <Card size="small" title={t('第一步：选择适用的抽查事项', 'Step 1: choose the items that apply')} style={{ marginBottom: 12 }}>
        {checklist.isPending ? (
          <Skeleton active />
        ) : (
          <TreeSelect
            treeData={treeData}
            value={items}
            onChange={(v) => setItems(v as string[])}
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_CHILD}
            showSearch
            treeNodeFilterProp="title"
            placeholder={t('输入关键词查找事项，如：餐饮', 'Type to find items, e.g. 餐饮')}
            style={{ width: '100%' }}
            maxTagCount={3}
            data-testid="insp-item-select"
          />
        )}
      </Card>
      {chosen.length === 0 ? (
        <Empty description={t('请先选择事项', 'Choose at least one item')} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Flex align="center" gap={12}>
              <Typography.Text>{t('第二步：逐项作答', 'Step 2: answer each point')}</Typography.Text>
              <Progress percent={Math.round((answered / Math.max(1, points.length)) * 100)} size="small" style={{ flex: 1, margin: 0 }} format={() => `${answered}/${points.length}`} />
            </Flex>
          </Card>
          {chosen.map((i) => (
            <Card key={i.code} size="small" title={i.name} style={{ marginBottom: 12 }} data-testid={`insp-item-${i.code}`}>
              {i.points.map((p, k) => (
                <div key={p.code} style={{ padding: '8px 0', borderTop: k ? '1px solid #f0f0f0' : undefined }}>
                  <Typography.Paragraph style={{ marginBottom: 6 }}>
                    {k + 1}. {p.question}
                  </Typography.Paragraph>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    value={answers[p.code]}
                    onChange={(e) => setAnswers((a) => ({ ...a, [p.code]: e.target.value as 'yes' | 'no' }))}
                    options={[
                      { value: 'yes', label: t('是，符合', 'Yes, met') },
                      { value: 'no', label: t('否，不符合', 'No, not met') },
                    ]}
                    data-testid={`insp-answer-${p.code}`}
                  />
                </div>
              ))}
            </Card>
          ))}
          <ProblemAlert error={submit.error} />
          {answered < points.length && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('还有要点未作答，可以先生成报告，未作答的会列在报告中。', 'Some points are unanswered; they will be listed in the report.')} />}
          <Space>
            <Button type="primary" size="large" icon={<CheckCircleOutlined />} loading={submit.isPending} onClick={() => submit.mutate()} data-testid="insp-self-check-submit">
              {t('生成自查报告', 'Create the report')}
            </Button>
          </Space>
        </>
      )}
    </div>
  );
}
