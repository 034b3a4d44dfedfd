import { CheckCircleFilled, CloseCircleFilled, FileSearchOutlined, InboxOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Collapse, Descriptions, Flex, Input, InputNumber, Result, Row, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, API_BASE } from '../../shared/api.js';
import { useAuth } from '../../shared/auth.js';
import { formatDateTime } from '../../shared/format.js';
import { useI18n, type Bilingual } from '../../shared/i18n.js';
import { ProblemAlert } from '../../shared/problem-view.js';
import {
  fromBase64,
  openNote,
  parseCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  verifyReceipt,
  type Check,
  type LedgerReceipt,
  type ReceiptResult,
} from './receipt-verify.js';

/**
 * 存证核验 — public page (route /verify) to check a ledger receipt. Everything is checked here in the browser
 * with WebCrypto (receipt-verify.ts); the server only supplies its published key, its latest checkpoint and a
 * consistency proof, and each of those is itself verified. The document, if given, never leaves the browser.
 */

interface Outcome {
  leafIndex: number;
  result: ReceiptResult;
  extra: Check[];
}

async function fetchText(path: string): Promise<string> {
  const res = await fetch(`${API_BASE}${path}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

/** Is the log the receipt was issued from still the same log, only longer? (RFC 9162 consistency proof.) */
async function checkLatest(receipt: LedgerReceipt, publishedKey: string, receiptRoot: Uint8Array): Promise<Check> {
  const label: Bilingual = ['此后账本只增未改（与最新检查点一致）', 'Log only appended to since (consistent with the latest checkpoint)'];
  try {
    const key = await parseVerifierKey(publishedKey);
    const latest = parseCheckpoint(await openNote(await fetchText('/ledger/checkpoint'), key));
    if (latest.size < receipt.treeSize) throw new Error(`latest checkpoint ${latest.size} is older than the receipt's ${receipt.treeSize}`);
    const { proof } = await api.get<{ proof: string[] }>('/ledger/proof/consistency', { from: receipt.treeSize, to: latest.size });
    await verifyConsistency(receipt.treeSize, latest.size, proof.map(fromBase64), receiptRoot, latest.root);
    return { ok: true, label, detail: `${receipt.treeSize} → ${latest.size}` };
  } catch (e) {
    return { ok: false, label, detail: e instanceof Error ? e.message : String(e) };
  }
}

function CheckList({ checks }: { checks: Check[] }) {
  const { pick } = useI18n();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {checks.map((c, i) => (
        <li key={i} data-testid={c.ok ? 'check-ok' : 'check-failed'} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <Space align="start">
            {c.ok ? <CheckCircleFilled style={{ color: '#389e0d' }} /> : <CloseCircleFilled style={{ color: '#cf1322' }} />}
            <div>
              <div>{pick(c.label)}</div>
              {c.detail && (
                <Typography.Text type="secondary" style={{ wordBreak: 'break-all', fontSize: 12 }}>
                  {c.detail}
                </Typography.Text>
              )}
            </div>
          </Space>
        </li>
      ))}
    </ul>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  const { result, extra } = outcome;
  const ev = result.event;
  const coreOk = result.ok;
  const allOk = coreOk && extra.every((c) => c.ok);
  return (
    <Card data-testid="verify-outcome">
      <Result
        status={coreOk ? (allOk ? 'success' : 'warning') : 'error'}
        title={coreOk ? t('回执有效：该记录已收录于存证账本且未被篡改', 'Receipt valid: the record is in the ledger, unchanged') : t('回执无效', 'Receipt INVALID')}
        subTitle={
          coreOk && result.keyFromReceipt
            ? t('注意：使用的是回执自带的公钥，请与平台公布的公钥核对。', 'Note: the key came from the receipt itself; compare it with the one the platform publishes.')
            : undefined
        }
        style={{ padding: '8px 0' }}
      />
      <CheckList checks={[...result.checks, ...extra]} />
      {ev && coreOk && (
        <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('事件类型', 'Event type')}>
            <Tag>{ev.type}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('事项', 'Subject')}>{ev.subject}</Descriptions.Item>
          <Descriptions.Item label={t('记录时间', 'Recorded at')}>{formatDateTime(ev.recordedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('账本序号 / 树大小', 'Leaf index / tree size')}>
            {outcome.leafIndex} / {result.checkpoint?.size ?? '—'}
          </Descriptions.Item>
          {ev.documentSha256 && (
            <Descriptions.Item label={t('文件 SHA-256', 'Document SHA-256')} span="filled">
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {ev.documentSha256}
              </Typography.Text>
            </Descriptions.Item>
          )}
          {result.checkpoint && (
            <Descriptions.Item label={t('账本标识', 'Log origin')} span="filled">
              {result.checkpoint.origin}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {ev?.data && coreOk && (
        <Collapse
          size="small"
          style={{ marginTop: 12 }}
          items={[
            {
              key: 'data',
              label: t('事件数据', 'Event data'),
              children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(ev.data, null, 2)}</pre>,
            },
          ]}
        />
      )}
    </Card>
  );
}

export function VerifyReceiptPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const [params] = useSearchParams();
  const [receiptText, setReceiptText] = useState('');
  const [receiptName, setReceiptName] = useState<string | null>(null);
  const [doc, setDoc] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [index, setIndex] = useState<number | null>(params.get('index') ? Number(params.get('index')) : null);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function fetchReceipt(i: number) {
    setFetchError(null);
    try {
      const r = await api.get<LedgerReceipt>(`/ledger/receipts/${i}`);
      setReceiptText(JSON.stringify(r, null, 2));
      setReceiptName(t(`账本序号 ${i} 的回执`, `receipt for leaf ${i}`));
      setOutcome(null);
    } catch (e) {
      setFetchError(e);
    }
  }

  // Arriving with ?index= (a link from a record page): fetch that receipt once the user is known.
  const userId = user?.id;
  const linkedIndex = params.get('index');
  useEffect(() => {
    if (!userId || !linkedIndex || !/^\d+$/.test(linkedIndex)) return;
    api
      .get<LedgerReceipt>(`/ledger/receipts/${linkedIndex}`)
      .then((r) => {
        setReceiptText(JSON.stringify(r, null, 2));
        setReceiptName(`#${linkedIndex}`);
      })
      .catch((e: unknown) => setFetchError(e));
  }, [userId, linkedIndex]);

  async function verify() {
    setInputError(null);
    let receipt: LedgerReceipt;
    try {
      receipt = JSON.parse(receiptText) as LedgerReceipt;
    } catch {
      setInputError(t('回执不是有效的 JSON', 'The receipt is not valid JSON'));
      return;
    }
    setBusy(true);
    try {
      let published: string | null = null;
      try {
        published = (await fetchText('/ledger/public-key')).trim();
      } catch {
        published = null; // offline copy of the page: fall back to the receipt's own key, and say so
      }
      const result = await verifyReceipt(receipt, { trustedKey: published, document: doc?.bytes ?? null });
      const extra: Check[] = [];
      if (result.ok && published && result.checkpoint) extra.push(await checkLatest(receipt, published, result.checkpoint.root));
      setOutcome({ result, extra, leafIndex: receipt.leafIndex });
    } catch (e) {
      setInputError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <Card
        title={
          <Space>
            <SafetyCertificateOutlined style={{ color: '#1456d8' }} />
            {t('存证核验', 'Verify a receipt')}
          </Space>
        }
      >
        <Typography.Paragraph>
          {t(
            '平台将申请提交、合同签署、债权申报、表决等关键事件写入防篡改存证账本（RFC 9162 默克尔树，检查点以 Ed25519 与 SM2 签名）。持有存证回执的任何人都可以在此核验该记录已被收录且未被篡改；核验全部在您的浏览器中完成，文件不会上传。',
            'Key events (applications, signed contracts, claims, votes) are written to a tamper-evident ledger (an RFC 9162 Merkle tree; checkpoints signed with Ed25519 and SM2). Anyone holding a receipt can check here that the record is included and unchanged. All checks run in your browser; no file is uploaded.',
          )}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('1. 存证回执', '1. Receipt')}</Typography.Title>
            <div data-testid="receipt-upload">
              <Upload.Dragger
                accept=".json,application/json"
                maxCount={1}
                showUploadList={false}
                beforeUpload={async (file) => {
                  setReceiptText(await file.text());
                  setReceiptName(file.name);
                  setOutcome(null);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t('点击或拖入回执文件（.json）', 'Click or drop the receipt file (.json)')}</p>
                {receiptName && <Tag color="blue">{receiptName}</Tag>}
              </Upload.Dragger>
            </div>
            <Input.TextArea
              style={{ marginTop: 8, fontFamily: 'monospace', fontSize: 12 }}
              rows={5}
              value={receiptText}
              onChange={(e) => {
                setReceiptText(e.target.value);
                setReceiptName(null);
                setOutcome(null);
              }}
              placeholder={t('或粘贴回执 JSON', 'or paste the receipt JSON')}
              aria-label={t('回执 JSON', 'Receipt JSON')}
              data-testid="receipt-text"
            />
            {user && (
              <Space.Compact style={{ marginTop: 8, width: '100%' }}>
                <InputNumber
                  min={0}
                  precision={0}
                  value={index}
                  onChange={(v) => setIndex(v)}
                  placeholder={t('账本序号', 'Leaf index')}
                  style={{ width: '100%' }}
                  aria-label={t('账本序号', 'Leaf index')}
                />
                <Button icon={<FileSearchOutlined />} disabled={index === null} onClick={() => index !== null && void fetchReceipt(index)}>
                  {t('获取我的回执', 'Get my receipt')}
                </Button>
              </Space.Compact>
            )}
            {fetchError !== null && <ProblemAlert error={fetchError} style={{ marginTop: 8 }} />}
          </Col>
          <Col xs={24} md={12}>
            <Typography.Title level={5}>{t('2. 原始文件（可选）', '2. Original document (optional)')}</Typography.Title>
            <div data-testid="document-upload">
              <Upload.Dragger
                maxCount={1}
                showUploadList={false}
                beforeUpload={async (file) => {
                  setDoc({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
                  setOutcome(null);
                  return false;
                }}
              >
                <p className="ant-upload-drag-icon">
                  <InboxOutlined />
                </p>
                <p>{t('选择文件以核对其 SHA-256 与存证一致（文件不离开本机）', 'Pick the file to check its SHA-256 against the record (it stays on this device)')}</p>
                {doc && <Tag color="blue">{doc.name}</Tag>}
              </Upload.Dragger>
            </div>
            <Alert
              style={{ marginTop: 8 }}
              type="info"
              showIcon
              title={t('离线核验', 'Offline check')}
              description={
                <span>
                  {t('也可不经本网站，用命令行离线核验：', 'You can also check without this website, offline: ')}
                  <Typography.Text code>node tools/verify-receipt.mjs receipt.json</Typography.Text>
                </span>
              }
            />
          </Col>
        </Row>
        <Flex justify="end" style={{ marginTop: 16 }}>
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} disabled={!receiptText.trim()} onClick={() => void verify()} data-testid="verify-button">
            {t('核验', 'Verify')}
          </Button>
        </Flex>
        {inputError && <Alert style={{ marginTop: 12 }} type="error" showIcon title={inputError} />}
      </Card>
      {outcome && <OutcomeView outcome={outcome} />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('平台公钥：', 'Platform key: ')}
        <a href={`${API_BASE}/ledger/public-key`} target="_blank" rel="noopener">
          {`${API_BASE}/ledger/public-key`}
        </a>
        {' · '}
        <a href={`${API_BASE}/ledger/checkpoint`} target="_blank" rel="noopener">
          {t('最新检查点', 'latest checkpoint')}
        </a>
      </Typography.Text>
    </div>
  );
}

export default VerifyReceiptPage;
