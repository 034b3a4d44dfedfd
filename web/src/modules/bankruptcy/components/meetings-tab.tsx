import { Button, Card, DatePicker, Empty, Flex, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { applyProblemToForm, ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useBkMutation, useMeeting, useMeetings, type CaseView, type MeetingView } from '../bankruptcy.api.js';
import { kindLabels } from '../bankruptcy.labels.js';

interface Dayish {
  format: (f: string) => string;
  toISOString: () => string;
}

/** Schedule a meeting: the server checks the 15-day notice (Art. 63) and the first-meeting window (Art. 62). */
function ScheduleMeeting({ caseId, open, onClose }: { caseId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ title: string; meetingAt: Dayish; place: string; noticeSentOn: Dayish }>();
  const save = useBkMutation((v: { title: string; meetingAt: Dayish; place: string; noticeSentOn: Dayish }) =>
    api.post(`${BASE}/cases/${caseId}/meetings`, {
      title: v.title,
      meetingOn: v.meetingAt.format('YYYY-MM-DD'),
      startsAt: v.meetingAt.toISOString(),
      place: v.place,
      noticeSentOn: v.noticeSentOn.format('YYYY-MM-DD'),
    }),
  );
  return (
    <Modal
      open={open}
      title={t('召集债权人会议', 'Schedule a meeting')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} form={form} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="title" label={t('会议名称', 'Title')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="meetingAt" label={t('会议时间', 'Time')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="place" label={t('地点 / 线上', 'Place / online')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="noticeSentOn" label={t('通知日期（须提前十五日）', 'Notice sent on (15 days ahead)')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Put an item to the vote, typed by its rule. */
function AddItem({ meetingId, open, onClose }: { meetingId: string; open: boolean; onClose: () => void }) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<{ kind: string; title: string; window: [Dayish, Dayish]; ballotPolicy: string }>();
  const save = useBkMutation((v: { kind: string; title: string; window: [Dayish, Dayish]; ballotPolicy: string }) =>
    api.post(`${BASE}/meetings/${meetingId}/items`, { kind: v.kind, title: v.title, opensAt: v.window[0].toISOString(), closesAt: v.window[1].toISOString(), ballotPolicy: v.ballotPolicy }),
  );
  return (
    <Modal
      open={open}
      title={t('新增表决事项', 'Add a vote')}
      onCancel={onClose}
      confirmLoading={save.isPending}
      onOk={() => form.validateFields().then((v) => save.mutate(v, { onSuccess: onClose, onError: (e) => applyProblemToForm(form, e) }))}
      destroyOnHidden
    >
      <ProblemAlert error={save.error} form={form} />
      <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'ordinary', ballotPolicy: 'finalOnCast' }}>
        <Form.Item name="kind" label={t('事项类型', 'Kind')}>
          <Select options={Object.entries(kindLabels).map(([value, l]) => ({ value, label: pick(l) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('事项', 'Title')} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="window" label={t('表决时间', 'Voting window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="ballotPolicy" label={t('改票', 'Ballot changes')}>
          <Select
            options={[
              { value: 'finalOnCast', label: t('首次投票即为最终投票（默认）', 'First ballot is final (default)') },
              { value: 'changeableUntilClose', label: t('截止前可改票（以最后一次为准）', 'Changeable until the close') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MeetingCard({ meeting, isAdmin }: { meeting: MeetingView; isAdmin: boolean }) {
  const { t, pick } = useI18n();
  const detail = useMeeting(meeting.id);
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      title={meeting.title}
      extra={isAdmin && <Button size="small" onClick={() => setAdding(true)}>{t('新增表决事项', 'Add a vote')}</Button>}
      data-testid="bk-meeting"
    >
      <Typography.Text type="secondary">
        {formatDateTime(meeting.startsAt)} · {meeting.place} · {t('签到', 'Signed in')} {detail.data?.attendees ?? 0}
      </Typography.Text>
      <List
        size="small"
        dataSource={detail.data?.items ?? []}
        locale={{ emptyText: t('暂无表决事项', 'No votes') }}
        renderItem={(i) => (
          <List.Item>
            <Link to={`/bankruptcy/items/${i.id}`} data-testid="bk-item-link">
              {i.title}
            </Link>
            <Flex gap={4} wrap>
              <Tag>{pick(kindLabels[i.kind] ?? [i.kind, i.kind])}</Tag>
              {i.status === 'open' ? <Tag color="blue">{t('表决中', 'Open')}</Tag> : <Tag color={i.passed ? 'green' : 'red'}>{i.passed ? t('通过', 'Passed') : t('未通过', 'Failed')}</Tag>}
            </Flex>
          </List.Item>
        )}
      />
      <AddItem meetingId={meeting.id} open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}

export function MeetingsTab({ theCase }: { theCase: CaseView }) {
  const { t } = useI18n();
  const meetings = useMeetings(theCase.id);
  const [scheduling, setScheduling] = useState(false);
  const isAdmin = theCase.relations.includes('administrator');
  const isOfficer = isAdmin || theCase.relations.includes('court');
  return (
    <Flex vertical gap={12}>
      {isOfficer && theCase.stage === 'accepted' && (
        <div>
          <Button type="primary" onClick={() => setScheduling(true)}>
            {t('召集债权人会议', 'Schedule a meeting')}
          </Button>
        </div>
      )}
      <ProblemAlert error={meetings.error} />
      {meetings.data?.length === 0 && <Empty description={t('暂无会议', 'No meetings')} />}
      {(meetings.data ?? []).map((m) => (
        <MeetingCard key={m.id} meeting={m} isAdmin={isAdmin} />
      ))}
      <ScheduleMeeting caseId={theCase.id} open={scheduling} onClose={() => setScheduling(false)} />
    </Flex>
  );
}
