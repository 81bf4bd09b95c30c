import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { CONSENT_ANSWERS, FLOWS } from '../../../../core/mediation/meta';
import { errorMessage, send, type Output } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';

type CaseView = Output<'cases.get'>;
const DEFAULT_FLOW: Record<string, keyof typeof FLOWS> = { 调登: 'delegated', 民初: 'entrusted', 民诉前调: 'legacy' };

interface Values {
  flow: keyof typeof FLOWS;
  procedure?: 'ordinary' | 'simplified';
  region?: string;
  consents: { answer?: 'agree' | 'refuse' | 'sue' | ''; on?: Dayjs }[];
  outsideOrgName?: string;
  outsideMediatorName?: string;
  terms?: string;
  signedOn?: Dayjs;
  signatories?: string;
}

/** 登记调解: find the case by 案号 / 登记号 or code (scanner), choose the flow, record each party's consent with its date. */
export function OpenMediationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [lookup, setLookup] = useState('');
  const [c, setCase] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, run] = useSubmit();
  const flow = Form.useWatch('flow', form);

  const load = async (by: { id?: number; q?: string }) => {
    setError(null);
    try {
      let id = by.id;
      if (!id) {
        const found = await send('cases.search', { q: by.q ?? '', limit: 2 });
        if (found.rows.length !== 1)
          throw new Error(found.rows.length ? '找到多个案件，请输入完整的案号、登记号或案件码' : '没有找到该案件');
        id = found.rows[0]!.id;
      }
      const v = await send('cases.get', { id });
      setCase(v);
      form.setFieldsValue({ flow: DEFAULT_FLOW[v.caseType] ?? 'delegated', consents: v.parties.map(() => ({ answer: '', on: dayjs() })) });
    } catch (err) {
      setCase(null);
      setError(errorMessage(err));
    }
  };
  useEffect(() => {
    const id = Number(params.get('caseId'));
    if (id > 0) void load({ id });
    // only on arrival: a case id in the link (from the receipt or the case page)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (v: Values) =>
    run(async () => {
      if (!c) return;
      setError(null);
      try {
        const m = await send('mediation.open', {
          caseId: c.id,
          flow: v.flow,
          procedure: v.flow === 'entrusted' ? v.procedure : undefined,
          region: v.region,
          consents: v.consents
            .map((k, i) => ({ partyId: c.parties[i]!.party.id, answer: k.answer, on: k.on?.format('YYYY-MM-DD') ?? '' }))
            .filter((k): k is { partyId: number; answer: 'agree' | 'refuse' | 'sue'; on: string } => Boolean(k.answer)),
          outsideOrgName: v.flow === 'outside' ? v.outsideOrgName : undefined,
          outsideMediatorName: v.flow === 'outside' ? v.outsideMediatorName : undefined,
          agreement:
            v.flow === 'outside'
              ? {
                  terms: (v.terms ?? '')
                    .split('\n')
                    .map((t) => t.trim())
                    .filter(Boolean),
                  signedOn: v.signedOn?.format('YYYY-MM-DD') ?? '',
                  signatories: (v.signatories ?? '').split(/[、,，\s]+/).filter(Boolean),
                }
              : undefined,
        });
        navigate(`/mediation/${m.id}`);
      } catch (err) {
        setError(
          applyApiError(form, err, {
            'agreement.terms': 'terms',
            'agreement.signedOn': 'signedOn',
            'agreement.signatories': 'signatories',
          }),
        );
      }
    });

  return (
    <>
      <PageHeader title="登记调解" />
      <Card size="small" title="案件">
        <Space.Compact style={{ width: 480 }}>
          <Input
            autoFocus
            aria-label="案号、登记号或案件码"
            placeholder="输入或扫描案号、登记号、案件码后回车"
            value={lookup}
            onChange={(e) => setLookup(e.target.value)}
            onPressEnter={() => {
              void load({ q: lookup.trim() });
            }}
          />
          <Button onClick={() => void load({ q: lookup.trim() })}>查找</Button>
        </Space.Compact>
        {c && (
          <Descriptions
            size="small"
            style={{ marginTop: 12 }}
            column={2}
            items={[
              { key: 'n', label: '案号 / 登记号', children: c.number },
              { key: 't', label: '类型', children: c.caseTypeLabel },
              { key: 'c', label: '案由', children: c.cause.name },
              { key: 'p', label: '当事人', children: c.parties.map((p) => `${p.role} ${p.party.name}`).join('；') },
            ]}
          />
        )}
      </Card>
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} />}
      {c && (
        <Card size="small" title="调解登记" style={{ marginTop: 16 }}>
          <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 760 }}>
            <Space wrap>
              <Form.Item name="flow" label="调解类型" rules={[{ required: true, message: '请选择调解类型' }]}>
                <Select style={{ width: 260 }} options={Object.entries(FLOWS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              {flow === 'entrusted' && (
                <Form.Item name="procedure" label="适用程序">
                  <Select
                    style={{ width: 200 }}
                    options={[
                      { value: 'ordinary', label: '普通程序（十五日）' },
                      { value: 'simplified', label: '简易程序（七日）' },
                    ]}
                  />
                </Form.Item>
              )}
              <Form.Item name="region" label="当事人所在区域" tooltip="县/乡镇（街道）/村（社区），用于按层级推荐调解员">
                <Input style={{ width: 300 }} placeholder="如 长兴县/雉城街道/明珠社区" />
              </Form.Item>
            </Space>
            {flow !== 'outside' && flow !== 'legacy' && (
              <Form.Item label="当事人是否同意调解" name="consents" required>
                <Table
                  size="small"
                  rowKey={(p) => p.casePartyId}
                  pagination={false}
                  dataSource={c.parties}
                  columns={[
                    { title: '诉讼地位', dataIndex: 'role', width: 100 },
                    { title: '当事人', render: (_v, p) => p.party.name },
                    {
                      title: '意见',
                      width: 180,
                      render: (_v, _p, i) => (
                        <Form.Item name={['consents', i, 'answer']} noStyle>
                          <Select
                            aria-label={`当事人意见 ${i + 1}`}
                            style={{ width: 160 }}
                            options={[
                              { value: '', label: '尚未表示' },
                              ...Object.entries(CONSENT_ANSWERS).map(([value, label]) => ({ value, label })),
                            ]}
                          />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '日期',
                      width: 170,
                      render: (_v, _p, i) => (
                        <Form.Item name={['consents', i, 'on']} noStyle>
                          <DatePicker aria-label={`表示意见日期 ${i + 1}`} />
                        </Form.Item>
                      ),
                    },
                  ]}
                />
              </Form.Item>
            )}
            {flow === 'outside' && (
              <>
                <Space wrap>
                  <Form.Item name="outsideOrgName" label="主持调解的组织">
                    <Input style={{ width: 300 }} />
                  </Form.Item>
                  <Form.Item name="outsideMediatorName" label="调解员">
                    <Input style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name="signedOn" label="协议签署日期">
                    <DatePicker />
                  </Form.Item>
                </Space>
                <Form.Item name="terms" label="协议条款（每行一项）">
                  <Input.TextArea rows={4} />
                </Form.Item>
                <Form.Item name="signatories" label="签署人（以顿号分隔）">
                  <Input />
                </Form.Item>
              </>
            )}
            <Button type="primary" htmlType="submit" loading={saving}>
              登记
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
