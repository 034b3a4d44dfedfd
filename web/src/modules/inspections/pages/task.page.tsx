import { CameraOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Radio, Skeleton, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../../shared/api.js';
import { formatDate } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { notifyError, ProblemAlert } from '../../../shared/problem-view.js';
import { PageHeader } from '../components/page-header.js';
import { BASE, type Task, type TaskView } from '../inspections.api.js';
import { outcomeLabels, taskStateLabels } from '../inspections.labels.js';

/**
 * Recording one visit on a phone: each check point of the plan's items yes (符合) / no (不符合), photos, notes,
 * and the outcome. Only the inspectors drawn for the visit may record (the server answers 403 otherwise).
 */
export default function TaskPage() {
  const { id = '' } = useParams();
  const { t, pick } = useI18n();
  const qc = useQueryClient();
  const key = ['inspections', 'task', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<TaskView>(`${BASE}/tasks/${id}`) });
  const [answers, setAnswers] = useState<Record<string, 'yes' | 'no'>>({});
  const [outcome, setOutcome] = useState<Task['outcome']>(null);
  const [notes, setNotes] = useState('');
  const record = useMutation({
    mutationFn: () => api.post<Task>(`${BASE}/tasks/${id}/result`, { outcome, answers, notes }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
    meta: { silent: true },
  });
  const v = q.data;
  const editable = v?.state === 'assigned' && v.isInspector;
  const points = (v?.items ?? []).flatMap((i) => i.points);
  const shown = editable ? answers : (v?.answers ?? {});
  return (
    <div data-testid="insp-task">
      <PageHeader back="/inspections/tasks" title={v?.target.name ?? ''} subtitle={v && `${v.plan?.number} · ${pick(taskStateLabels[v.state])}`} />
      <ProblemAlert error={q.error} />
      {!v ? (
        <Skeleton active />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('统一社会信用代码', 'USCC')}>{v.target.id}</Descriptions.Item>
              <Descriptions.Item label={t('检查人员', 'Inspectors')}>{v.assignments.flatMap((a) => a.inspectors).join('、')}</Descriptions.Item>
              {v.publishDeadline && <Descriptions.Item label={t('结果公示期限', 'Publish by')}>{formatDate(v.publishDeadline)}</Descriptions.Item>}
              {v.outcome && <Descriptions.Item label={t('检查结果', 'Outcome')}>{pick(outcomeLabels[v.outcome])}</Descriptions.Item>}
            </Descriptions>
          </Card>
          {!v.isInspector && v.state === 'assigned' && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('您不是本次抽中的检查人员，只能查看。', 'You were not drawn for this visit; view only.')} />}
          {(v.items ?? []).map((item) => (
            <Card key={item.code} size="small" title={item.name} style={{ marginBottom: 12 }}>
              {item.points.map((p, k) => (
                <div key={p.code} style={{ padding: '8px 0', borderTop: k ? '1px solid #f0f0f0' : undefined }}>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    {k + 1}. {p.question}
                  </Typography.Paragraph>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 6 }}>
                    {t('依据', 'Basis')}：{p.basis}
                  </Typography.Paragraph>
                  {editable ? (
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      value={answers[p.code]}
                      onChange={(e) => setAnswers((a) => ({ ...a, [p.code]: e.target.value as 'yes' | 'no' }))}
                      options={[
                        { value: 'yes', label: t('符合', 'Met') },
                        { value: 'no', label: t('不符合', 'Not met') },
                      ]}
                      data-testid={`task-answer-${p.code}`}
                    />
                  ) : (
                    <Tag color={shown[p.code] === 'yes' ? 'green' : shown[p.code] === 'no' ? 'red' : undefined}>
                      {shown[p.code] === 'yes' ? t('符合', 'Met') : shown[p.code] === 'no' ? t('不符合', 'Not met') : t('未作答', 'Not answered')}
                    </Tag>
                  )}
                </div>
              ))}
            </Card>
          ))}
          {editable && (
            <Card size="small" title={t('现场情况', 'On site')} style={{ marginBottom: 12 }}>
              <Form layout="vertical">
                <Form.Item label={t('现场照片', 'Photos')}>
                  <Upload
                    accept="image/png,image/jpeg"
                    listType="picture"
                    customRequest={({ file, onSuccess, onError }) => {
                      const fd = new FormData();
                      fd.append('file', file as Blob);
                      api
                        .post(`${BASE}/tasks/${id}/photos`, fd)
                        .then((r) => onSuccess?.(r))
                        .catch((e: unknown) => {
                          notifyError(e);
                          onError?.(e as Error);
                        });
                    }}
                  >
                    <Button icon={<CameraOutlined />}>{t('拍照或选择照片', 'Take or choose a photo')}</Button>
                  </Upload>
                  {v.photoFileIds.length > 0 && <Tag style={{ marginTop: 8 }}>{t(`已上传 ${v.photoFileIds.length} 张`, `${v.photoFileIds.length} uploaded`)}</Tag>}
                </Form.Item>
                <Form.Item label={t('检查情况说明', 'Notes')}>
                  <Input.TextArea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="task-notes" />
                </Form.Item>
                <Form.Item label={t('检查结果', 'Outcome')} required>
                  <Radio.Group
                    value={outcome}
                    onChange={(e) => setOutcome(e.target.value as Task['outcome'])}
                    options={(['compliant', 'problems', 'not-found'] as const).map((o) => ({ value: o, label: pick(outcomeLabels[o]) }))}
                    data-testid="task-outcome"
                  />
                </Form.Item>
              </Form>
              <ProblemAlert error={record.error} />
              <Button
                type="primary"
                size="large"
                block
                disabled={!outcome || (outcome !== 'not-found' && Object.keys(answers).length < points.length)}
                loading={record.isPending}
                onClick={() => record.mutate()}
                data-testid="task-submit"
              >
                {t('提交检查结果', 'Submit the result')}
              </Button>
            </Card>
          )}
          {v.notes && !editable && (
            <Card size="small" title={t('检查情况说明', 'Notes')}>
              {v.notes}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
