import { Empty, Form, Input, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, send, type Output } from '../../api/client';
import { FormModal } from '../../components/FormModal';
import { toPartyInput, type PartyFields as PartyFieldValues } from '../../cases/filing';
import { idTypeLabel, SEX_LABELS } from '../../cases/labels';
import { formatDateTime } from '../../format';
import { PartyFields } from './PartyFields';
import type { CaseView } from './useCase';

type PartyView = CaseView['parties'][number]['party'];

interface CorrectValues {
  party: PartyFieldValues;
  reason: string;
}

const FIELD_NAMES: Record<string, string> = {
  name: '姓名（名称）',
  idType: '证件类型',
  idNumber: '证件号码',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  address: '住址',
  phone: '联系电话',
  representative: '法定代表人',
  representativeTitle: '职务',
};

function fieldsOf(p: PartyView): PartyFieldValues {
  return {
    kind: p.kind,
    name: p.name,
    idType: p.idType,
    idNumber: p.idNumber ?? undefined,
    sex: p.sex ?? undefined,
    birthDate: p.birthDate ?? undefined,
    ethnicity: p.ethnicity ?? undefined,
    address: p.address ?? undefined,
    phone: p.phone ?? undefined,
    representative: p.representative ?? undefined,
    representativeTitle: p.representativeTitle ?? undefined,
  };
}

/** 更正当事人信息: the party's fields and a required reason; the old values go to the correction record. */
export function CorrectPartyModal({
  party,
  today,
  onClose,
  onSaved,
}: {
  party: PartyView | null;
  today: string;
  onClose: () => void;
  onSaved: (changed: string[]) => void;
}) {
  const [form] = Form.useForm<CorrectValues>();
  return (
    <FormModal<CorrectValues>
      open={party !== null}
      title={party ? `更正当事人信息：${party.name}` : '更正当事人信息'}
      okText="保存更正"
      width={920}
      form={form}
      initialValues={party ? { party: fieldsOf(party), reason: '' } : undefined}
      onClose={onClose}
      onSubmit={async (v) => {
        const values = form.getFieldsValue(true) as CorrectValues;
        const r = await send('parties.correct', { id: party!.id, party: toPartyInput(values.party), reason: v.reason });
        onSaved(r.changed.map((k) => FIELD_NAMES[k] ?? k));
      }}
    >
      <p className="modal-note">更正前的信息保留在更正记录中；该当事人所有案件的时间线都会记下这次更正。</p>
      {party && <PartyFields name={['party']} path={['party']} today={today} fixedKind />}
      <Form.Item name="reason" label="更正理由" rules={[{ required: true, whitespace: true, message: '请填写更正理由' }]}>
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={200}
          placeholder="如 当事人提供新的联系电话；核对身份证后更正姓名"
        />
      </Form.Item>
    </FormModal>
  );
}

type Revision = Output<'parties.history'>[number];

/** 更正记录: each correction with the values before it and its reason. */
export function PartyHistoryModal({ party, onClose }: { party: PartyView | null; onClose: () => void }) {
  const [rows, setRows] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!party) return;
    let live = true;
    setRows(null);
    setError(null);
    send('parties.history', { id: party.id })
      .then((r) => live && setRows(r))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [party]);

  return (
    <Modal
      open={party !== null}
      title={party ? `更正记录：${party.name}` : '更正记录'}
      width={860}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!error && (
        <Table<Revision>
          size="small"
          rowKey="revision"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有更正记录" /> }}
          columns={[
            { title: '版本', dataIndex: 'revision', width: 60 },
            { title: '更正时间', className: 'no-wrap', dataIndex: 'changedAt', width: 140, render: (v: string) => formatDateTime(v) },
            { title: '更正理由', dataIndex: 'reason' },
            {
              title: '更正前的信息',
              render: (_, r) => {
                const b = r.before;
                return [
                  b.name,
                  b.sex ? SEX_LABELS[b.sex] : null,
                  b.birthDate,
                  b.idNumber ? `${idTypeLabel(b.idType)} ${b.idNumber}` : null,
                  b.phone ? `电话 ${b.phone}` : null,
                  b.address,
                  b.representative ? `${b.representativeTitle ?? ''} ${b.representative}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ');
              },
            },
          ]}
        />
      )}
    </Modal>
  );
}
