import { CheckCircleOutlined, EyeOutlined, FileSearchOutlined, RollbackOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Form, Input, Modal, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiCallError, errorMessage, send, type Output } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { isModalOpen, isPrimaryModifier } from '../../components/keyboard';
import { useSubmit } from '../../components/useSubmit';
import { CodeEditor, type CodeEditorHandle } from '../../documents/CodeEditor';
import { MissingGlyphsWarning, PdfFrame } from '../../documents/PdfFrame';
import { formatDateTime } from '../../format';
import { OriginTag, VersionTag } from './templateLabels';

type TemplateData = Output<'documents.template'>;
type VersionInfo = TemplateData['history'][number];
type Preview = Output<'documents.preview'>;

type CheckState = { kind: 'ok'; title: string; placeholders: string[] } | { kind: 'error'; message: string; line: number | null } | null;

const draftKey = (id: string) => `court.templateDraft.${id}`;

function readDraft(id: string): string | null {
  try {
    return window.localStorage.getItem(draftKey(id));
  } catch {
    return null;
  }
}

function writeDraft(id: string, text: string | null): void {
  try {
    if (text === null) window.localStorage.removeItem(draftKey(id));
    else window.localStorage.setItem(draftKey(id), text);
  } catch {
    // storage full or unavailable: the text stays in the page
  }
}

/** A refusal of the template text (field 'source') as a check result; anything else is rethrown. */
function sourceError(err: unknown): CheckState {
  if (err instanceof ApiCallError && err.code === 'VALIDATION') {
    const line = err.body.issues?.find((i) => i.field === 'source' && i.line)?.line ?? null;
    return { kind: 'error', message: err.message, line };
  }
  throw err;
}

/**
 * 修改模板 (admin): the template's text in an editor with line numbers; 检查 shows the line of an error,
 * 预览 renders the unsaved text with the sample data, 保存为新版本 records it with a note (Ctrl+S), and the
 * history lists every version. Unsaved text survives a reload (kept in this workstation's storage).
 */
export function TemplateEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [data, setData] = useState<TemplateData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [restored, setRestored] = useState(false);
  const [check, setCheck] = useState<CheckState>(null);
  const [checking, setChecking] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [saveOpen, setSaveOpen] = useState(false);
  const [revertOpen, setRevertOpen] = useState(false);
  const [builtinOpen, setBuiltinOpen] = useState(false);
  const [users, setUsers] = useState<Map<number, string>>(new Map());
  const [tick, setTick] = useState(0);
  const editor = useRef<CodeEditorHandle>(null);

  useEffect(() => {
    let live = true;
    setData(null);
    send('documents.template', { id })
      .then((d) => {
        if (!live) return;
        setData(d);
        const draft = readDraft(id);
        if (draft !== null && draft !== d.source) {
          setText(draft);
          setRestored(true);
        } else {
          setText(d.source);
          setRestored(false);
          writeDraft(id, null);
        }
      })
      .catch((err) => live && setLoadError(errorMessage(err)));
    send('users.list')
      .then((list) => live && setUsers(new Map(list.map((u) => [u.id, u.displayName]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, tick]);

  const dirty = data !== null && text !== data.source;

  // unsaved text is kept for this workstation until it is saved or discarded
  useEffect(() => {
    if (!data) return;
    writeDraft(id, dirty ? text : null);
  }, [id, text, dirty, data]);

  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, [dirty]);

  const runCheck = useCallback(async (): Promise<boolean> => {
    setChecking(true);
    try {
      const r = await send('documents.checkTemplate', { id, source: text });
      setCheck({ kind: 'ok', title: r.title, placeholders: r.placeholders });
      return true;
    } catch (err) {
      try {
        const state = sourceError(err);
        setCheck(state);
        if (state?.kind === 'error' && state.line) editor.current?.goToLine(state.line);
      } catch (other) {
        message.error(errorMessage(other));
      }
      return false;
    } finally {
      setChecking(false);
    }
  }, [id, text, message]);

  const runPreview = useCallback(async () => {
    setPreviewing(true);
    try {
      const r = await send('documents.preview', { templateId: id, source: text });
      setPreview(r);
      setCheck((c) => (c?.kind === 'error' ? null : c));
    } catch (err) {
      try {
        const state = sourceError(err);
        setCheck(state);
        if (state?.kind === 'error' && state.line) editor.current?.goToLine(state.line);
      } catch (other) {
        message.error(errorMessage(other));
      }
    } finally {
      setPreviewing(false);
    }
  }, [id, text, message]);

  const openSave = useCallback(() => {
    if (!dirty) {
      message.info('没有修改，无需保存');
      return;
    }
    setSaveOpen(true);
  }, [dirty, message]);

  // Ctrl+S saves, Ctrl+Enter checks, Alt+P previews
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isModalOpen()) return;
      const key = e.key.toLowerCase();
      if (isPrimaryModifier(e) && !e.altKey && key === 's') {
        e.preventDefault();
        openSave();
      } else if (isPrimaryModifier(e) && key === 'enter') {
        e.preventDefault();
        void runCheck();
      } else if (e.altKey && !isPrimaryModifier(e) && key === 'p') {
        e.preventDefault();
        void runPreview();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [openSave, runCheck, runPreview]);

  const discard = () => {
    if (!data) return;
    setText(data.source);
    setRestored(false);
    setCheck(null);
    writeDraft(id, null);
  };

  const saved = (what: string) => {
    writeDraft(id, null);
    setSaveOpen(false);
    setRevertOpen(false);
    setRestored(false);
    message.success(what);
    setTick((n) => n + 1);
  };

  const historyColumns = useMemo(
    () => [
      {
        title: '版本',
        dataIndex: 'versionLabel',
        width: 130,
        render: (label: string, r: VersionInfo, index: number) => (
          <Space size={4}>
            <span className="mono-number">{label}</span>
            {index === 0 && <Tag color="green">使用中</Tag>}
          </Space>
        ),
      },
      { title: '类型', dataIndex: 'kind', width: 110, render: (k: VersionInfo['kind']) => (k === 'court' ? '本院修改' : '恢复内置模板') },
      { title: '说明', dataIndex: 'note', render: (n: string | null) => n || <Typography.Text type="secondary">—</Typography.Text> },
      {
        title: '修改人',
        dataIndex: 'createdBy',
        width: 120,
        render: (by: number | null) => (by === null ? '命令行管理' : (users.get(by) ?? `用户 #${by}`)),
      },
      { title: '时间', className: 'no-wrap', dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    ],
    [users],
  );

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  if (!data) return <Skeleton active />;
  const t = data.template;

  return (
    <div className="template-edit">
      <PageHeader
        title={`修改模板：${t.title}`}
        extra={
          <Button icon={<RollbackOutlined />} onClick={() => navigate('/admin/templates')}>
            返回模板列表
          </Button>
        }
      />
      <div className="template-meta">
        <span className="op-code">{t.id}</span>
        <span>
          使用版本 <VersionTag version={t.version} />
        </span>
        <OriginTag origin={t.origin} />
        {t.builtinChangedSince !== undefined && (
          <Tag color="warning">内置模板已更新（本院版本基于内置第 {t.builtinChangedSince} 版），请对照内置模板检查</Tag>
        )}
        {dirty ? (
          <Tag color="orange" data-testid="template-dirty">
            有未保存的修改
          </Tag>
        ) : (
          <Typography.Text type="secondary">与使用中的版本一致</Typography.Text>
        )}
      </div>
      {restored && dirty && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          title="已恢复本机上次未保存的修改"
          action={
            <Button size="small" onClick={discard}>
              放弃修改
            </Button>
          }
        />
      )}

      <div className="template-toolbar">
        <Space wrap>
          <Button icon={<CheckCircleOutlined />} onClick={() => void runCheck()} loading={checking}>
            检查
          </Button>
          <Button icon={<EyeOutlined />} onClick={() => void runPreview()} loading={previewing}>
            预览
          </Button>
          <Button type="primary" icon={<SaveOutlined />} onClick={openSave} disabled={!dirty}>
            保存为新版本
          </Button>
          <Button icon={<UndoOutlined />} onClick={discard} disabled={!dirty}>
            放弃修改
          </Button>
          <Button icon={<FileSearchOutlined />} onClick={() => setBuiltinOpen(true)}>
            对照内置模板
          </Button>
          <Button danger onClick={() => setRevertOpen(true)} disabled={t.origin !== 'court'}>
            恢复内置模板
          </Button>
        </Space>
        <Typography.Text type="secondary" className="shortcut-hint">
          <kbd>Ctrl</kbd>+<kbd>S</kbd> 保存 · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 检查 · <kbd>Alt</kbd>+<kbd>P</kbd> 预览
        </Typography.Text>
      </div>

      <Row gutter={16}>
        <Col xs={24} xl={13}>
          <CodeEditor
            ref={editor}
            value={text}
            onChange={(v) => {
              setText(v);
              if (check?.kind === 'ok') setCheck(null);
            }}
            errorLine={check?.kind === 'error' ? check.line : null}
            label="模板文本"
            height="62vh"
          />
          <div className="template-check" data-testid="template-check" aria-live="polite">
            {check?.kind === 'error' && (
              <Alert
                type="error"
                showIcon
                role="alert"
                title={check.line ? `第 ${check.line} 行有误` : '模板有误'}
                description={check.message}
                action={
                  check.line ? (
                    <Button size="small" onClick={() => editor.current?.goToLine(check.line!)}>
                      转到第 {check.line} 行
                    </Button>
                  ) : undefined
                }
              />
            )}
            {check?.kind === 'ok' && (
              <Alert
                type="success"
                showIcon
                title={`检查通过：${check.title}`}
                description={
                  <div className="placeholder-list">
                    使用的字段：
                    {check.placeholders.map((p) => (
                      <Tag key={p} className="op-code">
                        {p}
                      </Tag>
                    ))}
                  </div>
                }
              />
            )}
            {!check && (
              <Typography.Text type="secondary">
                【标题】【案号】【当事人】【编号】【署名】【日期】等标记与 {'{{字段}}'} 的写法见模板开头的说明；修改后先「检查」再「预览」。
              </Typography.Text>
            )}
          </div>
        </Col>
        <Col xs={24} xl={11}>
          <Card
            size="small"
            title="预览（样例数据）"
            className="template-preview"
            extra={
              preview && (
                <Space size={8}>
                  <span>共 {preview.pageCount} 页</span>
                </Space>
              )
            }
          >
            <MissingGlyphsWarning glyphs={preview?.missingGlyphs} />
            <PdfFrame
              pdfBase64={preview?.pdfBase64}
              title="模板预览"
              loading={previewing}
              height="62vh"
              empty="点击「预览」，用样例数据生成这份模板的文书"
              testId="template-preview-frame"
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title="版本记录" className="case-card template-history">
        <Table<VersionInfo>
          rowKey="version"
          size="small"
          dataSource={data.history}
          columns={historyColumns}
          pagination={data.history.length > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: '尚未修改过，使用内置模板' }}
        />
      </Card>

      <SaveModal
        open={saveOpen}
        id={id}
        source={text}
        onClose={() => setSaveOpen(false)}
        onRefused={(state) => {
          setSaveOpen(false);
          setCheck(state);
          if (state?.kind === 'error' && state.line) editor.current?.goToLine(state.line);
        }}
        onSaved={(v) => saved(`已保存为 ${v.versionLabel}，下一份文书即使用此版本`)}
      />
      <RevertModal open={revertOpen} id={id} onClose={() => setRevertOpen(false)} onSaved={() => saved('已恢复内置模板')} />
      <Modal
        open={builtinOpen}
        title="内置模板"
        width={860}
        onCancel={() => setBuiltinOpen(false)}
        footer={[
          <Button
            key="use"
            onClick={() => {
              setText(data.builtinSource);
              setBuiltinOpen(false);
              setCheck(null);
            }}
          >
            以内置模板为底稿（替换编辑器中的文字）
          </Button>,
          <Button key="close" type="primary" onClick={() => setBuiltinOpen(false)}>
            关闭
          </Button>,
        ]}
      >
        <pre className="builtin-source">{data.builtinSource}</pre>
      </Modal>
    </div>
  );
}

/**
 * The note form of the save and revert dialogs: emptied when the dialog opens, one submission at a time,
 * the note trimmed (left out when empty), and what `action` throws shown above the form.
 */
function useNoteForm(open: boolean, action: (note: string | undefined) => Promise<void>) {
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const submit = ({ note }: { note?: string }) =>
    run(async () => {
      setError(null);
      try {
        await action(note?.trim() || undefined);
      } catch (err) {
        setError(errorMessage(err));
      }
    });

  return { form, busy, error, submit };
}

function SaveModal({
  open,
  id,
  source,
  onClose,
  onSaved,
  onRefused,
}: {
  open: boolean;
  id: string;
  source: string;
  onClose: () => void;
  onSaved: (v: VersionInfo) => void;
  onRefused: (state: CheckState) => void;
}) {
  const { form, busy, error, submit } = useNoteForm(open, async (note) => {
    try {
      const r = await send('documents.saveTemplate', { id, source, note });
      onSaved(r.version);
    } catch (err) {
      onRefused(sourceError(err)); // an error that is not about the source is thrown again and shown here
    }
  });

  return (
    <Modal
      open={open}
      title="保存为新版本"
      okText="保存"
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(o) => o && form.focusField('note')}
    >
      <p className="modal-note">保存后，下一份用此模板生成的文书即使用新版本；已生成的文书仍按原版本记录和重印。</p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} name="save-template">
        <Form.Item name="note" label="修改说明" extra="如：按院务会意见修改履行条款的表述">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RevertModal({ open, id, onClose, onSaved }: { open: boolean; id: string; onClose: () => void; onSaved: () => void }) {
  const { form, busy, error, submit } = useNoteForm(open, async (note) => {
    await send('documents.revertTemplate', { id, note });
    onSaved();
  });

  return (
    <Modal
      open={open}
      title="恢复内置模板"
      okText="恢复"
      okButtonProps={{ danger: true }}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
    >
      <p className="modal-note">此后生成的文书使用程序内置的模板。本院的各个版本仍保留在版本记录中，已生成的文书不受影响。</p>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} name="revert-template">
        <Form.Item name="note" label="说明">
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
