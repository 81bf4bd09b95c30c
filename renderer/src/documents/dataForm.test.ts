import { describe, expect, it } from 'vitest';
import { builtinTemplate, builtinTemplates } from '../../../core/documents/template';
import {
  formSchema,
  fromFormValues,
  itemLabel,
  parseYuanText,
  sameAsSample,
  toFormValues,
  topLabel,
  yuanText,
  type FieldEntry,
  type FieldSchema,
  type ObjectSchema,
} from './dataForm';

const schemaOf = (id: string) => formSchema(builtinTemplate(id).fields);
const sampleOf = (id: string) => builtinTemplate(id).sample;
const entry = (s: ObjectSchema, key: string): FieldEntry => s.fields.find((f) => f.key === key)!;
const kindOf = (s: ObjectSchema, key: string): FieldSchema['kind'] | undefined => s.fields.find((f) => f.key === key)?.schema.kind;

/** Every label and key the form would show, depth first. */
function shown(s: ObjectSchema, out: string[] = []): string[] {
  for (const f of s.fields) {
    if (f.schema.kind === 'derived') continue;
    if (f.label) out.push(f.label);
    if (f.schema.kind === 'object') shown(f.schema, out);
    if (f.schema.kind === 'list') shown(f.schema.item, out);
  }
  return out;
}

describe('the document data as a form, from the fields the template declares', () => {
  it('shows simple values as inputs, lists of sentences as lines, parties as repeated groups, in the declared order', () => {
    const s = schemaOf('ruling-confirm-valid');
    expect(entry(s, 'caseNumber')).toMatchObject({ label: '案号', schema: { kind: 'text', variant: 'caseNumber' } });
    expect(kindOf(s, 'applicationDate')).toBe('date');
    expect(kindOf(s, 'applicants')).toBe('list');
    const agreement = entry(s, 'agreement').schema as ObjectSchema;
    expect(entry(s, 'agreement').label).toBe('调解协议');
    expect(kindOf(agreement, 'terms')).toBe('lines');
    const applicant = (entry(s, 'applicants').schema as Extract<FieldSchema, { kind: 'list' }>).item;
    expect(applicant.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['name', 'sex', 'birthDate', 'representative', 'agents']));
    expect(entry(applicant, 'kind').schema).toEqual({
      kind: 'choice',
      choices: [
        { value: 'person', label: '自然人' },
        { value: 'organisation', label: '单位' },
      ],
    });
    expect(kindOf(applicant, 'agents')).toBe('list');
    expect(s.fields.map((f) => f.key).slice(0, 3)).toEqual(['court', 'caseNumber', 'applicants']);
    // empty lists in the case data still know their items' fields
    expect(kindOf(formSchema(builtinTemplate('ruling-confirm-reject').fields), 'applicants')).toBe('list');
  });

  it('never shows an internal field name, and never 分', () => {
    for (const t of builtinTemplates().values()) {
      const labels = shown(formSchema(t.fields));
      expect(labels.length, t.id).toBeGreaterThan(3);
      for (const l of labels) {
        expect(l, `${t.id}: ${l}`).toMatch(/^[^A-Za-z]*$/);
        expect(l, `${t.id}: ${l}`).not.toMatch(/（分）|分）/);
      }
    }
    const fee = shown(schemaOf('fee-notice'));
    for (const internal of ['you', 'caseTitle', 'breakdown', 'payableFen', 'payee', 'accountNo', 'kindLabel'])
      expect(fee).not.toContain(internal);
    expect(fee).toEqual(expect.arrayContaining(['对受通知人的称呼', '计算过程', '扣除救助后应交金额', '收款单位', '账号']));
  });

  it('asks money in 元 with two decimals, keeps fen in the data, and derives the printed 元 text from it', () => {
    const s = schemaOf('fee-notice');
    const sample = sampleOf('fee-notice');
    const fee = entry(s, 'fee').schema as ObjectSchema;
    expect(entry(fee, 'amountFen')).toMatchObject({ label: '应交金额', schema: { kind: 'money' } });
    expect(entry(fee, 'amount').schema).toEqual({ kind: 'derived', from: 'amountFen' });
    const form = toFormValues(s, sample);
    expect((form.fee as Record<string, unknown>).amountFen).toBe(3300);
    expect('amount' in (form.fee as object)).toBe(false);
    expect((form.fee as Record<string, unknown>).claimAmount).toBe(150000);
    (form.fee as Record<string, unknown>).amountFen = 1234.5;
    const back = fromFormValues(s, form);
    expect(back.fee).toMatchObject({ amountFen: 123450, amount: '1,234.50', claimAmount: '150,000.00' });
    expect(back.payable).toBe('3,300.00');
    expect(yuanText(0.1 + 0.2)).toBe('0.30');
    expect(parseYuanText('3,300.00')).toBe(3300);
    expect(parseYuanText('三千')).toBeNull();
  });

  it('round-trips the data: lines joined and split, blank lines dropped, empty texts null', () => {
    const s = schemaOf('ruling-confirm-valid');
    const ruling = sampleOf('ruling-confirm-valid');
    const form = toFormValues(s, ruling);
    expect((form.agreement as { terms: string }).terms.split('\n')).toHaveLength(3);
    expect(fromFormValues(s, form)).toEqual(ruling);
    (form.agreement as { terms: string }).terms = ' 第一条；\n\n第二条。 \n';
    (form as { dispute: string }).dispute = '   ';
    const back = fromFormValues(s, form);
    expect((back.agreement as { terms: string[] }).terms).toEqual(['第一条；', '第二条。']);
    expect(back.dispute).toBeNull();
  });

  it('keeps long ID numbers and amounts exactly', () => {
    const s = schemaOf('case-receipt');
    const receipt = sampleOf('case-receipt');
    const back = fromFormValues(s, toFormValues(s, receipt));
    expect((back.case as { amountFen: number }).amountFen).toBe(15000000);
    const r = schemaOf('ruling-confirm-valid');
    const ruling = sampleOf('ruling-confirm-valid');
    expect(fromFormValues(r, toFormValues(r, ruling)).applicants).toEqual(ruling.applicants);
  });

  it('tells a field still holding the sample text from one the user changed', () => {
    const s = schemaOf('ruling-confirm-valid');
    const ruling = sampleOf('ruling-confirm-valid');
    const form = toFormValues(s, ruling);
    const agreement = entry(s, 'agreement').schema;
    expect(sameAsSample(agreement, form.agreement, ruling.agreement)).toBe(true);
    (form.agreement as { organisation: string }).organisation = '长兴县人民调解委员会';
    expect(sameAsSample(agreement, form.agreement, ruling.agreement)).toBe(false);
  });

  it('names top-level fields and list items in Chinese', () => {
    const s = schemaOf('ruling-confirm-valid');
    expect(topLabel(s, 'court')).toBe('法院名称');
    expect(topLabel(s, 'agreement')).toBe('调解协议');
    expect(topLabel(s, 'judge')).toBe('审判员');
    expect(itemLabel('申请人', 0, { role: '申请人', name: '张三' })).toBe('1. 申请人 张三');
    expect(itemLabel('协议条款（每行一条）', 1, {})).toBe('协议条款 2');
  });
});
