import { CheckCircleFilled, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { problemOf } from '../../../shared/problem-view.js';
import { useI18n } from '../../../shared/i18n.js';
import { uploadFile, type UploadedFile } from '../water-connection.api.js';

export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.ofd,application/pdf,image/png,image/jpeg';

/**
 * One material as a form field: the value is the files-service id. The file is uploaded as soon as it is
 * chosen, so the form only sends ids; a wrong type comes back as 415 and is shown under the field.
 */
export function FileUploadField({
  value,
  onChange,
  testId,
  buttonText,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  testId: string;
  buttonText?: string;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function pick(f: File | undefined) {
    if (!f) return;
    setBusy(true);
    setError(null);
    try {
      const uploaded = await uploadFile(f);
      setFile(uploaded);
      onChange?.(uploaded.id);
    } catch (e) {
      const p = problemOf(e);
      setError(p.detail ? `${p.title}：${p.detail}` : p.title);
      onChange?.(undefined);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div data-testid={testId}>
      <input ref={input} type="file" accept={ACCEPTED_FILES} style={{ display: 'none' }} onChange={(e) => void pick(e.target.files?.[0])} />
      <Flex wrap gap={8} align="center">
        <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
          {busy ? t('上传中…', 'Uploading…') : value ? t('重新上传', 'Replace') : (buttonText ?? t('选择文件', 'Choose a file'))}
        </Button>
        {value && (
          <Typography.Text type="success" style={{ minWidth: 0 }} ellipsis>
            <CheckCircleFilled /> {file?.filename ?? t('已上传', 'Uploaded')}
          </Typography.Text>
        )}
      </Flex>
      {file && (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
          <PaperClipOutlined /> SHA-256 {file.sha256.slice(0, 16)}…
        </Typography.Text>
      )}
      {error && (
        <Typography.Text type="danger" style={{ display: 'block' }} role="alert">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}

/** Several photos (construction completed): each uploaded when chosen; the value is the list of ids. */
export function MultiFileUploadField({ value, onChange, testId }: { value?: string[]; onChange?: (ids: string[]) => void; testId: string }) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function pick(list: FileList | null) {
    if (!list?.length) return;
    setBusy(true);
    setError(null);
    const added: UploadedFile[] = [];
    try {
      for (const f of Array.from(list)) added.push(await uploadFile(f));
    } catch (e) {
      const p = problemOf(e);
      setError(p.detail ? `${p.title}：${p.detail}` : p.title);
    } finally {
      const next = [...files, ...added].slice(0, 10);
      setFiles(next);
      onChange?.(next.map((f) => f.id));
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <div data-testid={testId}>
      <input ref={input} type="file" multiple accept="image/png,image/jpeg,.png,.jpg,.jpeg" style={{ display: 'none' }} onChange={(e) => void pick(e.target.files)} />
      <Button icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        {t('上传施工照片', 'Upload photos')}
      </Button>
      {(value?.length ?? 0) > 0 && (
        <div style={{ marginTop: 6 }}>
          {files.map((f) => (
            <Typography.Text key={f.id} type="success" style={{ display: 'block' }}>
              <CheckCircleFilled /> {f.filename}
            </Typography.Text>
          ))}
        </div>
      )}
      {error && (
        <Typography.Text type="danger" style={{ display: 'block' }} role="alert">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}
