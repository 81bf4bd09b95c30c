import { Col, Form, Input, Radio, Row, Select, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { send } from '../../api/client';
import { SuggestInput } from '../../components/SuggestInput';
import type { PartyHit, PartyKind } from '../../cases/filing';
import { idTypeLabel, ORGANISATION_ID_TYPE_OPTIONS, PERSON_ID_TYPE_OPTIONS, SEX_LABELS } from '../../cases/labels';
import { usccProblem } from '../../../../core/parties/identity';
import { DATE_RULE, idNumberRules, normaliseId, phoneRules, residentIdSummary } from './partyRules';

type Path = (string | number)[];

interface PartyFieldsProps {
  /** Form.Item name prefix relative to the enclosing Form.List item, e.g. [0, 'party']; or ['party'] */
  name: Path;
  /** the same prefix from the form root, e.g. ['parties', 0, 'party'] */
  path: Path;
  today: string;
  /** when given, the name and ID boxes suggest parties already registered; picking one calls this */
  onPickReturning?: (hit: PartyHit) => void;
  /** the kind cannot change (a correction) */
  fixedKind?: boolean;
}

const searchParties = (q: string) => send('parties.search', { q: q.trim(), limit: 8 });

function PartyHitLine({ hit }: { hit: PartyHit }) {
  const details = [
    hit.kind === 'person'
      ? [hit.sex ? SEX_LABELS[hit.sex] : null, hit.birthDate].filter(Boolean).join(' · ')
      : hit.representative
        ? `${hit.representativeTitle ?? '法定代表人'} ${hit.representative}`
        : null,
    hit.idNumber ? `${idTypeLabel(hit.idType)} ${hit.idNumber}` : null,
    hit.phone,
  ].filter(Boolean);
  return (
    <div className="party-hit">
      <div>
        <strong>{hit.name}</strong> <Tag variant="filled">{hit.kind === 'person' ? '自然人' : '单位'}</Tag>
        <Typography.Text type="secondary" className="party-hit-count">
          已登记 · 涉 {hit.caseCount} 件
        </Typography.Text>
      </div>
      <div className="party-hit-details">{details.join(' · ')}</div>
    </div>
  );
}

/** The fields of one party as entered at the counter: a natural person or an organisation. */
export function PartyFields({ name, path, today, onPickReturning, fixedKind = false }: PartyFieldsProps) {
  const form = Form.useFormInstance();
  const kind = (Form.useWatch([...path, 'kind'], form) as PartyKind | undefined) ?? 'person';
  const idType = (Form.useWatch([...path, 'idType'], form) as string | undefined) ?? (kind === 'person' ? 'resident' : 'uscc');
  const idNumber = normaliseId(Form.useWatch([...path, 'idNumber'], form));

  const suggest = Boolean(onPickReturning);
  const pick = useCallback((hit: PartyHit) => onPickReturning?.(hit), [onPickReturning]);
  const nameFetch = useCallback((q: string) => searchParties(q), []);
  const idFetch = useCallback((q: string) => searchParties(normaliseId(q)), []);

  let idExtra: string | null = null;
  if (idNumber) {
    if (idType === 'resident') idExtra = residentIdSummary(idNumber, today);
    else if (idType === 'uscc' && usccProblem(idNumber) === null) idExtra = '统一社会信用代码校验通过';
  }

  const nameLabel = kind === 'person' ? '姓名' : '单位名称';
  const nameInput = suggest ? (
    <SuggestInput<PartyHit>
      fetch={nameFetch}
      itemKey={(h) => h.id}
      renderItem={(h) => <PartyHitLine hit={h} />}
      onPick={pick}
      listLabel="已登记的当事人"
      footer="↑↓ 选择 · Enter 使用已登记的当事人 · Tab 继续填写新当事人"
      maxLength={kind === 'person' ? 40 : 100}
    />
  ) : (
    <Input maxLength={kind === 'person' ? 40 : 100} />
  );
  const idInput = suggest ? (
    <SuggestInput<PartyHit>
      fetch={idFetch}
      shouldFetch={(q) => normaliseId(q).length >= 6}
      itemKey={(h) => h.id}
      renderItem={(h) => <PartyHitLine hit={h} />}
      onPick={pick}
      listLabel="已登记的当事人"
      footer="↑↓ 选择 · Enter 使用已登记的当事人"
      maxLength={30}
      className="mono-number"
    />
  ) : (
    <Input maxLength={30} className="mono-number" />
  );

  return (
    <>
      {fixedKind && (
        <Form.Item name={[...name, 'kind']} hidden>
          <Input />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={kind === 'person' ? 6 : 9}>
          <Form.Item
            name={[...name, 'name']}
            label={nameLabel}
            rules={[{ required: true, whitespace: true, message: `请填写${nameLabel}` }]}
          >
            {nameInput}
          </Form.Item>
        </Col>
        <Col span={kind === 'person' ? 6 : 5}>
          <Form.Item name={[...name, 'idType']} label="证件类型">
            <Select
              options={kind === 'person' ? PERSON_ID_TYPE_OPTIONS : ORGANISATION_ID_TYPE_OPTIONS}
              popupMatchSelectWidth={false}
              onChange={() => {
                if (form.getFieldValue([...path, 'idNumber'])) void form.validateFields([[...path, 'idNumber']]).catch(() => undefined);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={kind === 'person' ? 8 : 10}>
          <Form.Item
            name={[...name, 'idNumber']}
            label={kind === 'person' ? '证件号码' : '统一社会信用代码'}
            normalize={(v: string) =>
              typeof v === 'string'
                ? v
                    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
                    .replace(/\s+/g, '')
                    .toUpperCase()
                : v
            }
            validateTrigger={['onChange', 'onBlur']}
            validateFirst
            rules={idNumberRules([...path, 'idType'], today)}
            extra={idExtra ? <span className="id-derived">{idExtra}</span> : undefined}
            hidden={idType === 'none'}
          >
            {idInput}
          </Form.Item>
        </Col>
      </Row>
      {kind === 'person' ? (
        <Row gutter={12}>
          {idType !== 'resident' && (
            <>
              <Col span={4}>
                <Form.Item name={[...name, 'sex']} label="性别">
                  <Select
                    options={[
                      { value: 'male', label: '男' },
                      { value: 'female', label: '女' },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col span={5}>
                <Form.Item name={[...name, 'birthDate']} label="出生日期" rules={[DATE_RULE]} validateTrigger={['onBlur']}>
                  <Input placeholder="1990-01-31" maxLength={10} />
                </Form.Item>
              </Col>
            </>
          )}
          <Col span={idType !== 'resident' ? 5 : 6}>
            <Form.Item name={[...name, 'phone']} label="联系电话" rules={phoneRules} validateTrigger={['onBlur']}>
              <Input maxLength={30} className="mono-number" />
            </Form.Item>
          </Col>
          <Col span={idType !== 'resident' ? 3 : 4}>
            <Form.Item name={[...name, 'ethnicity']} label="民族">
              <Input maxLength={20} placeholder="汉族" />
            </Form.Item>
          </Col>
          <Col span={idType !== 'resident' ? 7 : 14}>
            <Form.Item name={[...name, 'address']} label="住址">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      ) : (
        <Row gutter={12}>
          <Col span={5}>
            <Form.Item
              name={[...name, 'representative']}
              label="法定代表人（负责人）"
              rules={[{ required: true, whitespace: true, message: '请填写法定代表人（负责人）' }]}
            >
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name={[...name, 'representativeTitle']}
              label="职务"
              rules={[{ required: true, whitespace: true, message: '请填写法定代表人职务' }]}
            >
              <Input maxLength={40} placeholder="如 总经理" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name={[...name, 'phone']} label="联系电话" rules={phoneRules} validateTrigger={['onBlur']}>
              <Input maxLength={30} className="mono-number" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name={[...name, 'address']} label="住所地">
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}

/** 自然人 / 单位: switching resets the ID type to the kind's usual one (← → switch from the keyboard). */
export function PartyKindField({ name, path }: { name: Path; path: Path }) {
  const form = Form.useFormInstance();
  return (
    <Form.Item name={[...name, 'kind']} label="当事人类型">
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        onChange={(e) => {
          const next = e.target.value as PartyKind;
          form.setFieldValue([...path, 'idType'], next === 'person' ? 'resident' : 'uscc');
          form.setFields([{ name: [...path, 'idNumber'], errors: [] }]);
        }}
      >
        <Radio.Button value="person">自然人</Radio.Button>
        <Radio.Button value="organisation">单位</Radio.Button>
      </Radio.Group>
    </Form.Item>
  );
}
