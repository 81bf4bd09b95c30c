import { describe, expect, it } from 'vitest';
import { builtinTemplate } from '../../../core/documents/template';
import { fieldLabel, fromFormValues, inferSchema, itemLabel, sameAsSample, toFormValues, type FieldSchema, type ObjectSchema } from './dataForm';

const ruling = builtinTemplate('ruling-confirm-valid').sample;
const reject = builtinTemplate('ruling-confirm-reject').sample;
const notice = builtinTemplate('notice').sample;

const kindOf = (s: ObjectSchema, key: string): FieldSchema['kind'] | undefined => s.fields.find((f) => f.key === key)?.schema.kind;

describe('the document data as a form', () => {
  it('shows simple values as inputs, lists of sentences as lines, parties as repeated groups', () => {
    const s = inferSchema(ruling);
    expect(kindOf(s, 'caseNumber')).toBe('text');
    expect(kindOf(s, 'applicationDate')).toBe('date');
    expect(kindOf(s, 'court')).toBe('object');
    expect(kindOf(s, 'applicants')).toBe('list');
    const agreement = s.fields.find((f) => f.key === 'agreement')!.schema as ObjectSchema;
    expect(kindOf(agreement, 'terms')).toBe('lines');
    const applicant = (s.fields.find((f) => f.key === 'applicants')!.schema as Extract<FieldSchema, { kind: 'list' }>).item;
    // the person has sex and birth date, the company a representative: the group has all of them
    expect(applicant.fields.map((f) => f.key)).toEqual(expect.arrayContaining(['name', 'sex', 'birthDate', 'representative', 'agents']));
    expect(kindOf(applicant, 'agents')).toBe('list');
    expect(kindOf(applicant, 'birthDate')).toBe('date');
  });

  it('knows agents are records even when every party has none', () => {
    const applicant = (inferSchema(reject).fields.find((f) => f.key === 'applicants')!.schema as Extract<FieldSchema, { kind: 'list' }>).item;
    expect(kindOf(applicant, 'agents')).toBe('list');
  });

  it('takes the shape from the sample where the case data is silent', () => {
    const data = { ...notice, items: [], contact: null, date: null };
    const s = inferSchema(data, notice);
    expect(kindOf(s, 'items')).toBe('lines');
    expect(kindOf(s, 'contact')).toBe('object');
    expect(kindOf(s, 'date')).toBe('date');
    // the data's field order is kept
    expect(s.fields.map((f) => f.key).slice(0, 3)).toEqual(['court', 'caseNumber', 'addressee']);
  });

  it('round-trips the data: lines joined and split, blank lines dropped, empty texts null', () => {
    const s = inferSchema(ruling);
    const form = toFormValues(s, ruling);
    expect((form.agreement as { terms: string }).terms.split('\n')).toHaveLength(3);
    expect(fromFormValues(s, form)).toEqual(ruling);
    (form.agreement as { terms: string }).terms = ' 第一条；\n\n第二条。 \n';
    (form as { dispute: string }).dispute = '   ';
    const back = fromFormValues(s, form);
    expect((back.agreement as { terms: string[] }).terms).toEqual(['第一条；', '第二条。']);
    expect(back.dispute).toBeNull();
  });

  it('keeps numbers and long ID numbers as they are', () => {
    const receipt = builtinTemplate('case-receipt').sample;
    const s = inferSchema(receipt);
    const back = fromFormValues(s, toFormValues(s, receipt));
    expect((back.case as { amountFen: number }).amountFen).toBe(15000000);
    expect(fromFormValues(inferSchema(ruling), toFormValues(inferSchema(ruling), ruling)).applicants).toEqual(ruling.applicants);
  });

  it('tells a field still holding the sample text from one the user changed', () => {
    const s = inferSchema(ruling);
    const form = toFormValues(s, ruling);
    const agreement = s.fields.find((f) => f.key === 'agreement')!.schema;
    expect(sameAsSample(agreement, form.agreement, ruling.agreement)).toBe(true);
    (form.agreement as { organisation: string }).organisation = '长兴县人民调解委员会';
    expect(sameAsSample(agreement, form.agreement, ruling.agreement)).toBe(false);
  });

  it('names fields in Chinese, by path first and by key otherwise', () => {
    expect(fieldLabel(['court', 'name'])).toBe('法院名称');
    expect(fieldLabel(['applicants', 0, 'agents', 1, 'name'])).toBe('姓名');
    expect(fieldLabel(['applicants', 2, 'idNumber'])).toBe('证件号码');
    expect(fieldLabel(['somethingNew'])).toBe('somethingNew');
    expect(itemLabel('申请人', 0, { role: '申请人', name: '张三' })).toBe('1. 申请人 张三');
    expect(itemLabel('协议条款（每行一条）', 1, {})).toBe('协议条款 2');
  });
});
