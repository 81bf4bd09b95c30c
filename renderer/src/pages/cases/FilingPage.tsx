import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { send } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { focusWhenReady, isModalOpen, isPrimaryModifier, isTextEntry } from '../../components/keyboard';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';
import { clearDraft, debounce, draftKey, loadDraft, saveDraft, type Draft } from '../../cases/draft';
import {
  CASE_TYPE_RULES,
  defaultParties,
  emptyParty,
  FILING_CASE_TYPES,
  hasInput,
  materialOptions,
  partyHasInput,
  remapRoles,
  roleForNewParty,
  rolesOf,
  toFileInput,
  type FilingCaseType,
  type FilingValues,
  type PartyHit,
  type PartyRow,
} from '../../cases/filing';
import { idTypeLabel, SEX_LABELS } from '../../cases/labels';
import { formatFen, parseYuan } from '../../cases/money';
import { useSession } from '../../session/SessionProvider';
import { AgentsEditor } from './AgentsEditor';
import { CausePicker } from './CausePicker';
import { PartyFields, PartyKindField } from './PartyFields';

const DATE_FORMATS = ['YYYY-MM-DD', 'YYYYMMDD', 'YYYY.MM.DD', 'YYYY/MM/DD'];
/** the API reports the amount in fen; the form holds the yuan text */
const ALIASES = { amountFen: 'amount' } as const;

function todayLocal(): string {
  return dayjs().format('YYYY-MM-DD');
}

function blankValues(today: string): FilingValues {
  return { caseType: '民初', receivedOn: today, parties: defaultParties('民初'), materials: [], extraMaterials: [] };
}

function savedAtText(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? (d.isSame(dayjs(), 'day') ? d.format('HH:mm') : d.format('YYYY-MM-DD HH:mm')) : '';
}

/** A returning party, picked from the suggestions: shown read-only with its masked ID. */
function ReturningParty({ index, onChange }: { index: number; onChange: () => void }) {
  const form = Form.useFormInstance();
  const hit = Form.useWatch(['parties', index, 'returning'], form) as PartyHit | undefined;
  if (!hit) return null;
  const details = [
    hit.kind === 'person'
      ? [hit.sex ? SEX_LABELS[hit.sex] : null, hit.birthDate ? `${hit.birthDate} 出生` : null].filter(Boolean).join(' · ')
      : null,
    hit.kind === 'organisation' && hit.representative ? `${hit.representativeTitle ?? '法定代表人'}：${hit.representative}` : null,
    hit.idNumber ? `${idTypeLabel(hit.idType)} ${hit.idNumber}` : '无证件号码',
    hit.phone ? `电话 ${hit.phone}` : null,
    hit.address,
  ].filter(Boolean);
  return (
    <div className="returning-party" data-testid={`returning-party-${index}`}>
      <div className="returning-party-main">
        <div>
          <strong className="returning-party-name">{hit.name}</strong> <Tag color="blue">已登记当事人</Tag>
          <Typography.Text type="secondary">
            {hit.kind === 'person' ? '自然人' : '单位'} · 涉 {hit.caseCount} 件
          </Typography.Text>
        </div>
        <div className="returning-party-details">{details.join(' · ')}</div>
      </div>
      <Button className="returning-change" onClick={onChange}>
        更换
      </Button>
    </div>
  );
}

function PartyCard({
  index,
  fieldName,
  caseType,
  today,
  total,
  onRemove,
}: {
  index: number;
  fieldName: number;
  caseType: FilingCaseType;
  today: string;
  total: number;
  onRemove: () => void;
}) {
  const form = Form.useFormInstance();
  const path = ['parties', fieldName];
  const partyId = Form.useWatch([...path, 'partyId'], form) as number | undefined;
  const role = (Form.useWatch([...path, 'role'], form) as string | undefined) ?? '';
  const cardRef = useRef<HTMLDivElement>(null);
  const label = `当事人 ${index + 1}`;

  const pickReturning = useCallback(
    (hit: PartyHit) => {
      const { revision: _revision, ...snapshot } = hit;
      form.setFieldValue([...path, 'partyId'], hit.id);
      form.setFieldValue([...path, 'returning'], snapshot);
      form.setFieldValue([...path, 'party'], { kind: hit.kind, idType: hit.kind === 'person' ? 'resident' : 'uscc' });
      form.setFields([
        { name: [...path, 'party', 'name'], errors: [] },
        { name: [...path, 'party', 'idNumber'], errors: [] },
      ]);
      focusWhenReady(() => cardRef.current?.querySelector<HTMLElement>('.returning-change'));
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form, fieldName],
  );

  const changeParty = () => {
    form.setFieldValue([...path, 'partyId'], undefined);
    form.setFieldValue([...path, 'returning'], undefined);
    focusWhenReady(() => document.getElementById(`parties_${fieldName}_party_name`));
  };

  return (
    <div className="party-card" role="group" aria-label={label} ref={cardRef} data-party-index={index}>
      <Row gutter={12} align="bottom" className="party-card-head">
        <Col flex="none">
          <div className="party-index">{label}</div>
        </Col>
        <Col span={4}>
          <Form.Item name={[fieldName, 'role']} label="诉讼地位" rules={[{ required: true, message: '请选择诉讼地位' }]}>
            <Select options={rolesOf(caseType).map((r) => ({ value: r, label: r }))} />
          </Form.Item>
        </Col>
        <Col flex="auto">{partyId === undefined && <PartyKindField name={[fieldName, 'party']} path={[...path, 'party']} />}</Col>
      </Row>
      <Form.Item name={[fieldName, 'partyId']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[fieldName, 'returning']} hidden>
        <Input />
      </Form.Item>
      {partyId !== undefined ? (
        <ReturningParty index={fieldName} onChange={changeParty} />
      ) : (
        <PartyFields name={[fieldName, 'party']} path={[...path, 'party']} today={today} onPickReturning={pickReturning} />
      )}
      <AgentsEditor name={[fieldName, 'agents']} path={[...path, 'agents']} partyLabel={`${label}（${role}）`} />
      {/* last in the tab order, shown at the card's top right */}
      <Button className="party-remove" icon={<DeleteOutlined />} disabled={total <= 1} onClick={onRemove} aria-label={`删除${label}`}>
        删除
      </Button>
    </div>
  );
}

/**
 * 争议金额 in 元, typed as text and recorded in 分 without floating point; under it, the amount as it will
 * be recorded (￥150,000.50). It watches its own value, so typing re-renders only this field.
 */
function AmountField({ required }: { required: string | null }) {
  const form = Form.useFormInstance<FilingValues>();
  const amount = parseYuan(Form.useWatch('amount', form) as string | undefined);
  const extra =
    amount.ok && amount.fen !== undefined ? (
      <span className="mono-number">{formatFen(amount.fen)}</span>
    ) : amount.ok && required ? (
      required
    ) : undefined;
  return (
    <Form.Item
      name="amount"
      label="争议金额（元）"
      validateTrigger={['onChange', 'onBlur']}
      rules={[
        {
          validator: async (_, v: string | undefined) => {
            const r = parseYuan(v);
            if (!r.ok) throw new Error(r.message);
            const type = form.getFieldValue('caseType') as FilingCaseType;
            if (r.fen === undefined && CASE_TYPE_RULES[type].amountRequired)
              throw new Error(`${CASE_TYPE_RULES[type].label}须填写争议金额`);
          },
        },
      ]}
      extra={extra}
    >
      <Input inputMode="decimal" maxLength={24} placeholder="如 150000.50" className="mono-number" suffix="元" />
    </Form.Item>
  );
}

/** Hands every change of the form's values to `persist`; renders nothing. */
function DraftAutosave({ persist, saved }: { persist: (v: FilingValues) => void; saved: { current: boolean } }) {
  const form = Form.useFormInstance<FilingValues>();
  const all = Form.useWatch((v: FilingValues) => v, { form, preserve: true });
  useEffect(() => {
    if (all && !saved.current) persist(all);
  }, [all, persist, saved]);
  return null;
}

/**
 * 立案登记: the counter's form, keyboard first. 1–5 choose the case type, Alt+N adds a party, Ctrl+Enter
 * saves. The half-filled form is kept as a draft on this computer and restored after an accidental close.
 */
export function FilingPage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FilingValues>();
  const [saving, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const today = useMemo(todayLocal, []);
  const key = draftKey(me!.user.username);

  // the draft is read before the first render: the form starts with it, nothing flickers
  const [start, setStart] = useState<{ values: FilingValues; draft: Draft<FilingValues> | null }>(() => {
    const draft = loadDraft<FilingValues>(key);
    if (draft && hasInput(draft.values)) return { values: { ...blankValues(today), ...draft.values }, draft };
    return { values: blankValues(today), draft: null };
  });
  const [resetTick, setResetTick] = useState(0);
  const saved = useRef(false);
  const listOps = useRef<{ add: (v: PartyRow) => void } | null>(null);
  const [extraText, setExtraText] = useState('');

  const caseType = (Form.useWatch('caseType', form) as FilingCaseType | undefined) ?? start.values.caseType;
  const receivedOn = (Form.useWatch('receivedOn', form) as string | undefined) ?? start.values.receivedOn;
  const extras = (Form.useWatch('extraMaterials', form) as string[] | undefined) ?? [];
  const rule = CASE_TYPE_RULES[caseType];

  // ---- draft autosave (DraftAutosave below watches the values, so typing re-renders only it) ------------
  const persist = useMemo(
    () =>
      debounce((v: FilingValues) => {
        if (saved.current) return;
        if (hasInput(v)) saveDraft(key, v);
        else clearDraft(key);
      }, 400),
    [key],
  );
  useEffect(() => {
    const flush = () => persist.flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', flush);
      flush();
    };
  }, [persist]);

  const focusCaseType = useCallback(() => {
    document.querySelector<HTMLInputElement>('#caseType input:checked')?.focus();
  }, []);

  useEffect(() => {
    if (resetTick === 0) return;
    form.resetFields();
    focusCaseType();
  }, [resetTick, form, focusCaseType]);

  useEffect(() => {
    focusCaseType();
  }, [focusCaseType]);

  const discardDraft = () => {
    persist.cancel();
    clearDraft(key);
    setError(null);
    setStart({ values: blankValues(today), draft: null });
    setResetTick((n) => n + 1);
  };

  // ---- case type drives roles and the checklist -------------------------------------------------------
  const shownType = useRef(caseType);
  useEffect(() => {
    if (shownType.current === caseType) return;
    shownType.current = caseType;
    const rows = (form.getFieldValue('parties') as PartyRow[] | undefined) ?? [];
    form.setFieldValue('parties', rows.some(partyHasInput) ? remapRoles(caseType, rows) : defaultParties(caseType));
    const offered = materialOptions(caseType, (form.getFieldValue('extraMaterials') as string[] | undefined) ?? []);
    form.setFieldValue(
      'materials',
      ((form.getFieldValue('materials') as string[] | undefined) ?? []).filter((m) => offered.includes(m)),
    );
    for (const name of ['amount', 'claims'] as const) {
      if (form.getFieldError(name).length) void form.validateFields([name]).catch(() => undefined);
    }
  }, [caseType, form]);

  // ---- keyboard ----------------------------------------------------------------------------------------
  const addParty = useCallback(() => {
    const rows = (form.getFieldValue('parties') as PartyRow[] | undefined) ?? [];
    const type = form.getFieldValue('caseType') as FilingCaseType;
    listOps.current?.add(emptyParty(roleForNewParty(type, rows)));
    focusWhenReady(() => document.getElementById(`parties_${rows.length}_party_name`));
  }, [form]);

  const save = useCallback(
    () =>
      run(async () => {
        setError(null);
        try {
          await form.validateFields();
        } catch (err) {
          const first = (err as { errorFields?: { name: (string | number)[] }[] }).errorFields?.[0];
          if (first) {
            form.scrollToField(first.name, { block: 'center' });
            form.focusField(first.name);
          }
          return;
        }
        const values = form.getFieldsValue(true) as FilingValues;
        try {
          const view = await send('cases.file', toFileInput(values));
          saved.current = true;
          persist.cancel();
          clearDraft(key);
          message.success(`已立案：${view.number}`);
          navigate(`/cases/${view.id}/receipt`);
        } catch (err) {
          setError(applyApiError(form, err, ALIASES));
        }
      }),
    [run, form, persist, key, message, navigate],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isModalOpen()) return;
      if (e.key === 'Enter' && isPrimaryModifier(e)) {
        e.preventDefault();
        e.stopPropagation();
        void save();
        return;
      }
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        addParty();
        return;
      }
      // any key right after a digit cancels it: a scanner's burst is not a choice of case type
      if (pendingType) {
        clearTimeout(pendingType);
        pendingType = null;
      }
      if (!e.altKey && !e.ctrlKey && !e.metaKey && /^[1-5]$/.test(e.key) && !isTextEntry(document.activeElement)) {
        e.preventDefault();
        const next = FILING_CASE_TYPES[Number(e.key) - 1];
        pendingType = setTimeout(() => {
          pendingType = null;
          const inGroup = document.getElementById('caseType')?.contains(document.activeElement) || document.activeElement === document.body;
          form.setFieldValue('caseType', next);
          // the focus follows the choice, so that Tab goes on from the case type
          if (inGroup) focusWhenReady(() => document.querySelector<HTMLElement>(`#caseType input[value="${next}"]:checked`));
        }, 60);
      }
    };
    let pendingType: ReturnType<typeof setTimeout> | null = null;
    document.addEventListener('keydown', onKey, true);
    return () => {
      if (pendingType) clearTimeout(pendingType);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [save, addParty, form]);

  const addMaterial = () => {
    const name = extraText.trim();
    if (!name) return;
    const extra = (form.getFieldValue('extraMaterials') as string[] | undefined) ?? [];
    if (!materialOptions(caseType, extra).includes(name)) form.setFieldValue('extraMaterials', [...extra, name]);
    const ticked = (form.getFieldValue('materials') as string[] | undefined) ?? [];
    if (!ticked.includes(name)) form.setFieldValue('materials', [...ticked, name]);
    setExtraText('');
  };

  const claimsLabel = caseType === '民初' ? '诉讼请求' : '请求事项';

  return (
    <div className="filing-page">
      <PageHeader
        title="立案登记"
        extra={
          <Typography.Text type="secondary" className="shortcut-hint">
            <kbd>1</kbd>–<kbd>5</kbd> 案件类型 · <kbd>Alt</kbd>+<kbd>N</kbd> 添加当事人 · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 保存
          </Typography.Text>
        }
      />
      {start.draft && (
        <Alert
          className="page-alert"
          type="info"
          showIcon
          title={`已恢复未保存的草稿（${savedAtText(start.draft.savedAt)} 自动保存）`}
          action={
            <Button size="small" onClick={discardDraft}>
              清空草稿
            </Button>
          }
        />
      )}
      {error && <Alert type="error" showIcon title={error} className="page-alert" role="alert" />}
      <Form<FilingValues>
        key={resetTick}
        form={form}
        layout="vertical"
        initialValues={start.values}
        requiredMark={false}
        onKeyDown={(e) => {
          // Enter in a one-line box does not save the whole case: Ctrl+Enter does
          const t = e.target as HTMLElement;
          if (e.key === 'Enter' && !isPrimaryModifier(e) && t instanceof HTMLInputElement) e.preventDefault();
        }}
        className="filing-form"
      >
        <DraftAutosave persist={persist} saved={saved} />
        <Card size="small" title="案件" className="filing-card">
          <Row gutter={16} align="top">
            <Col flex="auto">
              <Form.Item name="caseType" label="案件类型" extra={rule.label}>
                <Radio.Group optionType="button" className="case-type-group">
                  {FILING_CASE_TYPES.map((t, i) => (
                    <Radio.Button key={t} value={t} aria-label={`${t}（${CASE_TYPE_RULES[t].label}）`}>
                      <span className="key-hint">{i + 1}</span>
                      {t}
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
            </Col>
            <Col flex="200px">
              <Form.Item
                name="receivedOn"
                label="收案日期"
                rules={[{ required: true, message: '请填写收案日期' }]}
                getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
                normalize={(d: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}
              >
                <DatePicker
                  format={DATE_FORMATS}
                  allowClear={false}
                  style={{ width: '100%' }}
                  disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                />
              </Form.Item>
            </Col>
          </Row>
        </Card>

        <Card
          size="small"
          title="当事人"
          className="filing-card"
          extra={
            <Typography.Text type="secondary">
              输入姓名或证件号码可选用已登记的当事人 · <kbd>Alt</kbd>+<kbd>N</kbd> 添加
            </Typography.Text>
          }
        >
          <Form.List
            name="parties"
            rules={[
              {
                validator: async (_, rows: PartyRow[] | undefined) => {
                  const type = form.getFieldValue('caseType') as FilingCaseType;
                  const r = CASE_TYPE_RULES[type];
                  for (const [role, min] of Object.entries(r.roles)) {
                    const n = (rows ?? []).filter((p) => p.role === role).length;
                    if (n < (min ?? 0)) throw new Error(`${r.label}案件须至少有 ${min} 名${role}`);
                  }
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => {
              listOps.current = { add: (v) => add(v) };
              return (
                <>
                  {fields.map((f, i) => (
                    <PartyCard
                      key={f.key}
                      index={i}
                      fieldName={f.name}
                      caseType={caseType}
                      today={today}
                      total={fields.length}
                      onRemove={() => remove(f.name)}
                    />
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined />} onClick={addParty} className="add-party">
                    添加当事人（Alt+N）
                  </Button>
                </>
              );
            }}
          </Form.List>
        </Card>

        <Card size="small" title="案由与请求" className="filing-card">
          <Row gutter={16}>
            <Col span={15}>
              <Form.Item name="cause" label="案由" rules={[{ required: true, message: '请选择案由' }]}>
                <CausePicker onDate={receivedOn} />
              </Form.Item>
            </Col>
            <Col span={9}>
              <AmountField required={rule.amountRequired ? `${rule.label}须填写` : null} />
            </Col>
          </Row>
          <Form.Item
            name="claims"
            label={claimsLabel}
            rules={[
              { required: caseType === '民初', whitespace: true, message: '请填写诉讼请求' },
              { max: 5000, message: '诉讼请求不能超过 5000 个字符' },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
          <Form.Item name="facts" label="事实与理由" rules={[{ max: 20000, message: '事实与理由不能超过 20000 个字符' }]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} />
          </Form.Item>
        </Card>

        <Card size="small" title="收到材料" className="filing-card">
          <Form.Item name="materials" className="materials-item">
            <Checkbox.Group options={materialOptions(caseType, extras)} className="materials-group" aria-label="收到材料" />
          </Form.Item>
          <Form.Item name="extraMaterials" hidden>
            <Select mode="tags" />
          </Form.Item>
          <Space.Compact style={{ maxWidth: 420, width: '100%' }}>
            <Input
              aria-label="其他材料"
              placeholder="其他材料，回车添加"
              value={extraText}
              maxLength={100}
              onChange={(e) => setExtraText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !isPrimaryModifier(e)) {
                  e.preventDefault();
                  addMaterial();
                }
              }}
            />
            <Button onClick={addMaterial}>添加</Button>
          </Space.Compact>
        </Card>

        <div className="filing-actions">
          <Button type="primary" icon={<SaveOutlined />} loading={saving} size="large" onClick={() => void save()}>
            保存并出具回执（Ctrl+Enter）
          </Button>
          <Typography.Text type="secondary">未保存的内容自动存为本机草稿</Typography.Text>
        </div>
      </Form>
    </div>
  );
}
