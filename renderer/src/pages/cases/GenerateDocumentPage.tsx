import { EyeOutlined, FilePdfOutlined, FileWordOutlined, PrinterOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Empty, Form, Row, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage, send, type Output } from '../../api/client';
import { askWithModal, changedPaths, generateAsking } from '../../documents/generate';
import { PageHeader } from '../../components/PageHeader';
import { isModalOpen, isPrimaryModifier } from '../../components/keyboard';
import { DataForm } from '../../documents/DataForm';
import { formSchema, fromFormValues, toFormValues, topLabel, type DataObject, type ObjectSchema } from '../../documents/dataForm';
import { base64ToBlob, documentFileName, DOCX_MIME, downloadBlob } from '../../documents/pdf';
import { MissingGlyphsWarning, PdfFrame } from '../../documents/PdfFrame';
import { useDocumentActions, type DocumentRecord } from '../../documents/useDocumentActions';
import { VersionTag } from '../documents/templateLabels';
import { useCase } from './useCase';

type Listing = Output<'documents.templates'>['templates'][number];

interface Draft {
  templateId: string;
  schema: ObjectSchema;
  initial: DataObject;
  /** the data as the host drafted it (the record's values, the rest from the sample) */
  drafted: DataObject;
  missing: string[];
  /** the places filled from the sample (dotted paths) */
  fromSample: string[];
  complete: boolean;
}

interface Generated {
  document: DocumentRecord;
  pdfBase64: string | null;
}

/**
 * 生成文书 for a case: choose a template; the data the case provides fills a form (facts the case does not hold
 * yet come from the template's sample and are marked 「请核对：样例内容」 until ticked; the host refuses any
 * value still equal to the sample's unless the person typed it — the call names the fields they changed);
 * preview; generate a PDF (then print) or a DOCX (downloaded as <案号>-<文书>.docx). Every generated document is
 * recorded; generating the same content again asks first. ID numbers are always full: the form shows what prints.
 */
export function GenerateDocumentPage() {
  const { id } = useParams();
  const caseId = Number(id);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const templateId = params.get('template') ?? '';
  // what the document belongs to besides the case (?subjectKind=mediation&subjectId=5 for a 民事调解书): the
  // draft, the preview and the register all take it, so the record's builder fills the form
  const subjectKind = params.get('subjectKind') ?? undefined;
  const subjectIdParam = Number(params.get('subjectId'));
  const subjectId = subjectKind && Number.isInteger(subjectIdParam) && subjectIdParam > 0 ? subjectIdParam : undefined;
  const subject = useMemo(() => (subjectKind && subjectId ? { subjectKind, subjectId } : {}), [subjectKind, subjectId]);
  const { message, modal } = AntApp.useApp();
  const { view, error: caseError } = useCase(caseId);
  const [templates, setTemplates] = useState<Listing[] | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<Set<string>>(new Set());
  const [form] = Form.useForm<DataObject>();
  const [preview, setPreview] = useState<{ pdfBase64: string; pageCount: number; missingGlyphs: string[] } | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<null | 'preview' | 'pdf' | 'docx' | 'print'>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [generated, setGenerated] = useState<Generated | null>(null);
  const { print: printDocument, previewModal } = useDocumentActions(useCallback(() => undefined, []));
  const selectRef = useRef<{ focus: () => void } | null>(null);

  useEffect(() => {
    let live = true;
    send('documents.templates', {})
      .then((r) => live && setTemplates(r.templates))
      .catch((err) => live && setDraftError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (templates && !templateId) selectRef.current?.focus();
  }, [templates, templateId]);

  // the chosen template's data for this case, and its sample (which tells the shape of empty fields)
  useEffect(() => {
    let live = true;
    setDraft(null);
    setDraftError(null);
    setPreview(null);
    setGenerated(null);
    setActionError(null);
    setConfirmed(new Set());
    if (!templateId || !Number.isInteger(caseId)) return;
    Promise.all([send('documents.draftData', { caseId, templateId, ...subject }), send('documents.template', { id: templateId })])
      .then(([d, t]) => {
        if (!live) return;
        const data = d.data as DataObject;
        const schema = formSchema(t.fields);
        const initial = toFormValues(schema, data);
        form.resetFields();
        form.setFieldsValue(initial);
        setDraft({ templateId, schema, initial, drafted: data, missing: d.missing, fromSample: d.fromSample, complete: d.complete });
      })
      .catch((err) => live && setDraftError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [caseId, templateId, subject, form]);

  const unconfirmed = draft ? draft.missing.filter((k) => !confirmed.has(k)) : [];
  const listing = templates?.find((t) => t.id === templateId);

  const currentData = useCallback(async (): Promise<DataObject | null> => {
    if (!draft) return null;
    try {
      await form.validateFields();
    } catch {
      return null;
    }
    return fromFormValues(draft.schema, form.getFieldsValue(true) as DataObject);
  }, [draft, form]);

  const runPreview = useCallback(async () => {
    const data = await currentData();
    if (!data) return;
    setBusy('preview');
    setActionError(null);
    try {
      const r = await send('documents.preview', { templateId, caseId, data, ...subject });
      setPreview(r);
      setStale(false);
      setGenerated(null);
    } catch (err) {
      setActionError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  }, [currentData, templateId, caseId, subject]);

  const generate = useCallback(
    async (format: 'pdf' | 'docx', thenPrint = false) => {
      if (unconfirmed.length) {
        message.warning(`还有 ${unconfirmed.length} 项取自样例的内容未核对`);
        return;
      }
      const data = await currentData();
      if (!data || !draft) return;
      // what the person typed or changed: the host accepts a value equal to the template's sample only there
      const touched = draft.fromSample.filter((p) => form.isFieldTouched(p.split('.')));
      const edited = [...new Set([...changedPaths(draft.drafted, data), ...touched])];
      setBusy(thenPrint ? 'print' : format);
      setActionError(null);
      try {
        const r = await generateAsking('documents.generate', { caseId, templateId, format, data, edited, ...subject }, askWithModal(modal));
        if (!r) return;
        const doc = r.document;
        if (format === 'docx') {
          downloadBlob(base64ToBlob(r.base64, DOCX_MIME), documentFileName(doc.caseNumber ?? view?.number, doc.title, 'docx'));
          setGenerated({ document: doc, pdfBase64: null });
          message.success(`已生成 DOCX：${doc.title}（${doc.pageCount} 页），已下载`);
        } else {
          setGenerated({ document: doc, pdfBase64: r.base64 });
          setPreview({ pdfBase64: r.base64, pageCount: doc.pageCount, missingGlyphs: [] });
          setStale(false);
          message.success(`已生成 PDF：${doc.title}（${doc.pageCount} 页）`);
          if (thenPrint) await printDocument(doc, r.base64);
        }
      } catch (err) {
        setActionError(errorMessage(err));
      } finally {
        setBusy(null);
      }
    },
    [unconfirmed.length, currentData, draft, form, caseId, templateId, subject, view?.number, message, modal, printDocument],
  );

  // Alt+P preview, Ctrl+Enter generate a PDF
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!draft || isModalOpen()) return;
      const key = e.key.toLowerCase();
      if (e.altKey && !isPrimaryModifier(e) && key === 'p') {
        e.preventDefault();
        void runPreview();
      } else if (isPrimaryModifier(e) && !e.altKey && key === 'enter') {
        e.preventDefault();
        void generate('pdf');
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [draft, runPreview, generate]);

  const templateOptions = useMemo(() => (templates ?? []).map((t) => ({ value: t.id, label: t.title, title: t.description })), [templates]);

  if (caseError) return <Alert type="error" showIcon title={caseError} />;
  if (!view) return <Skeleton active />;

  return (
    <div className="generate-page">
      <PageHeader
        title={`生成文书 · ${view.number}`}
        extra={
          <Button icon={<RollbackOutlined />} onClick={() => navigate(`/cases/${caseId}`)}>
            返回案件
          </Button>
        }
      />
      <div className="generate-choose">
        <label htmlFor="template-select" className="generate-choose-label">
          文书模板
        </label>
        <Select
          id="template-select"
          ref={selectRef as never}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择要生成的文书"
          style={{ width: 360 }}
          loading={templates === null}
          value={templateId || undefined}
          options={templateOptions}
          onChange={(v: string) => setParams({ template: v }, { replace: true })}
        />
        {listing && (
          <Space size={6} className="generate-template-meta">
            <span>使用版本</span>
            <VersionTag version={listing.version} />
            <Typography.Text type="secondary">{listing.description}</Typography.Text>
          </Space>
        )}
      </div>

      {draftError && <Alert type="error" showIcon title={draftError} className="page-alert" role="alert" />}
      {!templateId && !draftError && (
        <Card size="small">
          <Empty description="先选择文书模板：案件中已有的信息（法院、案号、当事人、案由、日期）会自动填入" />
        </Card>
      )}
      {templateId && !draft && !draftError && <Skeleton active />}

      {draft && (
        <Row gutter={16}>
          <Col xs={24} xl={13}>
            {draft.missing.length > 0 && (
              <Alert
                type={unconfirmed.length ? 'warning' : 'success'}
                showIcon
                icon={unconfirmed.length ? <WarningOutlined /> : undefined}
                className="page-alert"
                data-testid="missing-summary"
                title={
                  unconfirmed.length
                    ? `有 ${unconfirmed.length} 项内容取自模板样例，请逐项核对修改后勾选「已核对」`
                    : '取自样例的内容已全部核对'
                }
                description={
                  unconfirmed.length
                    ? `本案尚未记录：${draft.missing.map((k) => topLabel(draft.schema, k)).join('、')}。请按本案实际情况填写：仍为样例的内容不能生成文书，勾选「已核对」不能代替填写。`
                    : `已核对：${draft.missing.map((k) => topLabel(draft.schema, k)).join('、')}。仍为样例的内容生成时会被拒绝并列出。`
                }
              />
            )}
            <Card size="small" title="文书内容" className="generate-form-card">
              <DataForm
                form={form}
                schema={draft.schema}
                missing={draft.missing}
                confirmed={confirmed}
                onConfirm={(k, on) =>
                  setConfirmed((s) => {
                    const next = new Set(s);
                    if (on) next.add(k);
                    else next.delete(k);
                    return next;
                  })
                }
                initialValues={draft.initial}
                onValuesChange={() => {
                  if (preview) setStale(true);
                }}
              />
            </Card>
            <div className="generate-actions">
              {actionError && <Alert type="error" showIcon title={actionError} role="alert" className="generate-error" />}
              <Space wrap>
                <Button icon={<EyeOutlined />} onClick={() => void runPreview()} loading={busy === 'preview'}>
                  预览
                </Button>
                <Button
                  type="primary"
                  icon={<FilePdfOutlined />}
                  onClick={() => void generate('pdf')}
                  loading={busy === 'pdf'}
                  disabled={unconfirmed.length > 0}
                >
                  生成 PDF
                </Button>
                <Button
                  icon={<PrinterOutlined />}
                  onClick={() => void generate('pdf', true)}
                  loading={busy === 'print'}
                  disabled={unconfirmed.length > 0}
                >
                  生成并打印
                </Button>
                <Button
                  icon={<FileWordOutlined />}
                  onClick={() => void generate('docx')}
                  loading={busy === 'docx'}
                  disabled={unconfirmed.length > 0}
                >
                  生成 DOCX
                </Button>
              </Space>
              <Typography.Text type="secondary" className="shortcut-hint">
                {unconfirmed.length > 0 ? `还有 ${unconfirmed.length} 项待核对 · ` : ''}
                <kbd>Alt</kbd>+<kbd>P</kbd> 预览 · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 生成 PDF
              </Typography.Text>
            </div>
          </Col>
          <Col xs={24} xl={11}>
            <Card
              size="small"
              className="generate-preview"
              title={generated ? '已生成的文书' : '预览'}
              extra={
                preview && (
                  <Space size={8}>
                    {stale && <Tag color="orange">内容已修改，预览未更新</Tag>}
                    <span>共 {preview.pageCount} 页</span>
                  </Space>
                )
              }
            >
              {generated && (
                <Alert
                  type="success"
                  showIcon
                  className="preview-warning"
                  data-testid="generated"
                  title={`已生成并登记：${generated.document.title}（${generated.document.format.toUpperCase()}，${generated.document.pageCount} 页，模板版本 ${generated.document.templateVersion}）`}
                  action={
                    generated.pdfBase64 ? (
                      <Button
                        size="small"
                        type="primary"
                        icon={<PrinterOutlined />}
                        onClick={() => void printDocument(generated.document, generated.pdfBase64!)}
                      >
                        打印
                      </Button>
                    ) : undefined
                  }
                />
              )}
              <MissingGlyphsWarning glyphs={preview?.missingGlyphs} />
              <PdfFrame
                pdfBase64={preview?.pdfBase64}
                title="文书预览"
                loading={busy === 'preview' || busy === 'pdf' || busy === 'print'}
                height="70vh"
                empty="点击「预览」查看按以上内容生成的文书"
                testId="document-preview-frame"
              />
            </Card>
          </Col>
        </Row>
      )}
      {previewModal}
    </div>
  );
}
