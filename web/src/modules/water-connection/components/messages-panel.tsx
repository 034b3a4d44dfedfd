import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Form, Input, Typography, theme } from 'antd';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { useI18n } from '../../../shared/i18n.js';
import { ProblemAlert } from '../../../shared/problem-view.js';
import { BASE, useMessages, type Message } from '../water-connection.api.js';

/** Messages between the applicant and the service manager on one application, newest last. */
export function MessagesPanel({ applicationId, mySide, canSend = true }: { applicationId: string; mySide: 'applicant' | 'utility'; canSend?: boolean }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const messages = useMessages(applicationId);
  const qc = useQueryClient();
  const [form] = Form.useForm<{ body: string }>();
  const send = useMutation({
    mutationFn: (body: string) => api.post<Message>(`${BASE}/applications/${applicationId}/messages`, { body }),
    onSuccess: () => {
      form.resetFields();
      return qc.invalidateQueries({ queryKey: ['water-connection', 'messages', applicationId] });
    },
    meta: { silent: true },
  });
  const list = messages.data ?? [];
  return (
    <Card title={t('留言沟通', 'Messages')} size="small" data-testid="messages-panel">
      <ProblemAlert error={messages.error} />
      {list.length === 0 && !messages.isLoading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无留言，有问题可直接留言给服务经理', 'No messages yet')} />}
      <Flex vertical gap={8} style={{ maxHeight: 320, overflowY: 'auto', marginBottom: 12 }}>
        {list.map((m) => {
          const mine = (m.authorSide ?? mySide) === mySide;
          return (
            <div key={m.id} style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: '85%' }} data-testid="message">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.authorName} · {formatDateTime(m.createdAt)}
              </Typography.Text>
              <div style={{ background: mine ? token.colorPrimaryBg : token.colorFillTertiary, borderRadius: 8, padding: '6px 10px', whiteSpace: 'pre-wrap' }}>{m.body}</div>
            </div>
          );
        })}
      </Flex>
      <ProblemAlert error={send.error} />
      {canSend && (
      <Form form={form} onFinish={(v) => send.mutate(v.body)} layout="vertical">
        <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('请输入留言内容', 'Write a message') }, { max: 1000 }]} style={{ marginBottom: 8 }}>
          <Input.TextArea rows={2} maxLength={1000} placeholder={t('输入留言…', 'Write a message…')} data-testid="message-input" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={send.isPending} data-testid="message-send">
          {t('发送', 'Send')}
        </Button>
      </Form>
      )}
    </Card>
  );
}
