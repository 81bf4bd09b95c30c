import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, send, type Output } from '../api/client';
import { PdfFrame } from './PdfFrame';

type BatchResult = Output<'documents.batchResult'>;

export const BATCH_POLL_MS = 300;

type Phase =
  | { kind: 'starting' }
  | { kind: 'running'; jobId: string; done: number; total: number }
  | { kind: 'loading'; jobId: string; total: number }
  | { kind: 'ready'; result: BatchResult }
  | { kind: 'failed'; message: string };

/**
 * 批量打印: the selected documents are re-rendered into one PDF by a job on the host (each document from a new
 * page, its own page numbers), with progress shown; then the whole batch is previewed and printed at once.
 * `onPrint` prints it and asks whether everything came out (recording the printed state).
 */
export function BatchPrintModal({
  ids,
  open,
  onClose,
  onPrint,
}: {
  ids: number[];
  open: boolean;
  onClose: () => void;
  onPrint: (pdfBase64: string, ids: number[]) => Promise<boolean>;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [printing, setPrinting] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!open) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setPhase({ kind: 'starting' });
    const fail = (err: unknown) => live && setPhase({ kind: 'failed', message: errorMessage(err) });
    const poll = (jobId: string) => {
      send('documents.batchStatus', { jobId })
        .then(async (s) => {
          if (!live) return;
          if (s.state === 'failed') return setPhase({ kind: 'failed', message: s.error || '批量生成失败' });
          if (s.state === 'running') {
            setPhase({ kind: 'running', jobId, done: s.done, total: s.total });
            timer = setTimeout(() => poll(jobId), BATCH_POLL_MS);
            return;
          }
          setPhase({ kind: 'loading', jobId, total: s.total });
          const result = await send('documents.batchResult', { jobId });
          if (live) setPhase({ kind: 'ready', result });
        })
        .catch(fail);
    };
    send('documents.batchStart', { ids })
      .then((r) => {
        if (!live) return;
        setPhase({ kind: 'running', jobId: r.jobId, done: 0, total: r.total });
        poll(r.jobId);
      })
      .catch(fail);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [open, ids, attempt]);

  const print = useCallback(async () => {
    if (phase.kind !== 'ready') return;
    setPrinting(true);
    try {
      const done = await onPrint(
        phase.result.pdfBase64,
        phase.result.documents.map((d) => d.id),
      );
      if (done) onClose();
    } finally {
      setPrinting(false);
    }
  }, [phase, onPrint, onClose]);

  const percent =
    phase.kind === 'running'
      ? Math.floor((phase.done / Math.max(1, phase.total)) * 100)
      : phase.kind === 'loading' || phase.kind === 'ready'
        ? 100
        : 0;
  const total =
    phase.kind === 'running' || phase.kind === 'loading'
      ? phase.total
      : phase.kind === 'ready'
        ? phase.result.documents.length
        : ids.length;

  return (
    <Modal
      open={open}
      title={`批量打印（${ids.length} 份）`}
      width={phase.kind === 'ready' ? 'min(1040px, 94vw)' : 560}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>关闭</Button>
          {phase.kind === 'failed' && (
            <Button icon={<ReloadOutlined />} onClick={() => setAttempt((n) => n + 1)}>
              重试
            </Button>
          )}
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={phase.kind !== 'ready'}
            loading={printing}
            onClick={() => void print()}
            autoFocus
          >
            打印全部
          </Button>
        </Space>
      }
    >
      {phase.kind === 'failed' ? (
        <Alert type="error" showIcon title="批量生成未完成" description={phase.message} role="alert" />
      ) : (
        <div className="batch-progress" data-testid="batch-progress">
          <Progress
            percent={percent}
            status={phase.kind === 'ready' ? 'success' : 'active'}
            aria-label="批量生成进度"
            format={() =>
              phase.kind === 'ready' ? '完成' : `${phase.kind === 'running' ? phase.done : phase.kind === 'loading' ? total : 0}/${total}`
            }
          />
          <Typography.Text type="secondary" data-testid="batch-state">
            {phase.kind === 'starting' && '正在开始…'}
            {phase.kind === 'running' && `正在生成第 ${Math.min(phase.done + 1, phase.total)} 份，共 ${phase.total} 份`}
            {phase.kind === 'loading' && '生成完毕，正在载入…'}
            {phase.kind === 'ready' &&
              `已生成 ${phase.result.documents.length} 份文书，共 ${phase.result.pages} 页；每份文书从新的一页开始，页码各自编排。`}
          </Typography.Text>
        </div>
      )}
      {phase.kind === 'ready' && (
        <PdfFrame pdfBase64={phase.result.pdfBase64} title="批量打印预览" height="66vh" testId="batch-preview-frame" />
      )}
    </Modal>
  );
}
