import { LinkOutlined } from '@ant-design/icons';
import { Alert, Breadcrumb, Card, Empty, Flex, Input, List, Select, Skeleton, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { buildMindMap, type MindMapNode } from '../checklist-tree-data.js';
import { EChart, type ChartOption } from '../../../shared/echart.js';
import { PageHeader } from '../components/page-header.js';
import { useChecklist, useSearch, type SearchHit } from '../inspections.api.js';
import { industrySections, levelLabels } from '../inspections.labels.js';

function Highlighted({ hit }: { hit: SearchHit }) {
  if (hit.highlights.length === 0) return <>{hit.title}</>;
  const parts: React.ReactNode[] = [];
  let at = 0;
  hit.highlights.forEach(([s, e], k) => {
    if (s < at) return;
    parts.push(hit.title.slice(at, s), <mark key={k}>{hit.title.slice(s, e)}</mark>);
    at = e;
  });
  parts.push(hit.title.slice(at));
  return <>{parts}</>;
}

/**
 * 清单导图: the whole published checklist as a mind map that opens level by level (tap a node), with a link
 * for every node, Chinese search across all five levels, and filters by department and industry. Phone first.
 */
export default function MindMapPage() {
  const { t, pick } = useI18n();
  const checklist = useChecklist();
  const [department, setDepartment] = useState<string>();
  const [industry, setIndustry] = useState<string>();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<MindMapNode | null>(null);
  const search = useSearch(query, department, industry);

  const option = useMemo<ChartOption | null>(() => {
    if (!checklist.data) return null;
    const root = buildMindMap(checklist.data.departments, t('双随机抽查事项清单', 'Random-inspection checklist'), { department, industry });
    return {
      tooltip: { trigger: 'item', triggerOn: 'mousemove', formatter: (p: { data?: MindMapNode }) => (p.data?.detail ?? '').replace(/\n/g, '<br/>') },
      series: [
        {
          type: 'tree',
          // The root's label sits above it, so the tree can start at the left edge of a phone screen.
          data: [{ ...root, label: { position: 'top', align: 'left', distance: 6 } }],
          top: 24,
          left: 16,
          bottom: 8,
          right: 150,
          orient: 'LR',
          roam: true,
          symbolSize: 9,
          initialTreeDepth: 1,
          expandAndCollapse: true,
          animationDuration: 250,
          label: { position: 'left', verticalAlign: 'middle', align: 'right', fontSize: 12 },
          leaves: { label: { position: 'right', verticalAlign: 'middle', align: 'left' } },
          emphasis: { focus: 'descendant' },
        },
      ],
    };
  }, [checklist.data, department, industry, t]);

  const c = checklist.data?.counts;
  return (
    <div data-testid="insp-mind-map">
      <PageHeader
        back="/inspections"
        title={t('抽查事项清单导图', 'Checklist mind map')}
        subtitle={
          checklist.data
            ? t(
                `${checklist.data.version} 版 · ${c!.departments} 个部门 ${c!.categories} 个类别 ${c!.items} 个事项 ${c!.checkPoints} 个要点`,
                `Version ${checklist.data.version} · ${c!.departments} departments, ${c!.categories} categories, ${c!.items} items, ${c!.checkPoints} points`,
              )
            : undefined
        }
      />
      <ProblemAlert error={checklist.error} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <Input.Search
            allowClear
            placeholder={t('搜索清单，如：健康证明、消防通道', 'Search, e.g. 健康证明')}
            onSearch={(v) => setQuery(v.trim())}
            onChange={(e) => e.target.value === '' && setQuery('')}
            style={{ flex: '1 1 220px' }}
            data-testid="insp-search"
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('所属部门', 'Department')}
            value={department}
            onChange={setDepartment}
            style={{ flex: '1 1 160px' }}
            options={(checklist.data?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
            data-testid="insp-filter-department"
          />
          <Select
            allowClear
            placeholder={t('行业', 'Industry')}
            value={industry}
            onChange={setIndustry}
            style={{ flex: '1 1 160px' }}
            options={industrySections.map(([code, label]) => ({ value: code, label: `${code} ${pick(label)}` }))}
            data-testid="insp-filter-industry"
          />
        </Flex>
      </Card>

      {query ? (
        <Card size="small" title={t(`“${query}”的检索结果`, `Results for “${query}”`)} extra={search.data && <Tag>{search.data.total}</Tag>}>
          <ProblemAlert error={search.error} />
          {search.isPending ? (
            <Skeleton active />
          ) : (
            <List
              dataSource={search.data?.hits ?? []}
              locale={{ emptyText: <Empty description={t('没有找到相关内容', 'Nothing found')} /> }}
              data-testid="insp-search-results"
              renderItem={(h) => (
                <List.Item>
                  <div style={{ minWidth: 0 }}>
                    <Breadcrumb style={{ fontSize: 12 }} items={h.path.map((p) => ({ title: <Link to={`/inspections/checklist/${p.code}`}>{p.name}</Link> }))} />
                    <Link to={`/inspections/checklist/${h.code}`}>
                      <Tag>{pick(levelLabels[h.level])}</Tag>
                      <Highlighted hit={h} />
                    </Link>
                    {h.basis && (
                      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 12 }}>
                        {t('依据', 'Basis')}：{h.basis}
                      </Typography.Paragraph>
                    )}
                  </div>
                </List.Item>
              )}
            />
          )}
        </Card>
      ) : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 8 }} message={t('点一下节点展开下一层；双指缩放、拖动查看。', 'Tap a node to open the next level; pinch and drag to move around.')} />
          <Card size="small" styles={{ body: { padding: 4 } }}>
            {option ? <EChart option={option} height="70vh" testId="insp-tree" onClick={(p) => setSelected((p.data as MindMapNode) ?? null)} /> : <Skeleton active />}
          </Card>
          {selected && selected.level !== 'root' && (
            <Card size="small" style={{ marginTop: 12 }} data-testid="insp-node-detail">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }}>{selected.detail}</Typography.Paragraph>
              {selected.code && (
                <Link to={`/inspections/checklist/${selected.code}`}>
                  <LinkOutlined /> {t('打开此节点', 'Open this node')}（{selected.code}）
                </Link>
              )}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
