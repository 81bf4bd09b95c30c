import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ACCESS, MATERIAL_STATES, MATERIALS, ORGANISATION_KINDS } from '../../../../core/confirmation/meta';
import { send, type Input as ApiInput, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { FormModal } from '../../components/FormModal';
import type { Role } from '../../labels';

type View = Output<'mediation.get'>;
type HandOffInput = ApiInput<'confirmation.applyFromMediation'>;
type Values = Omit<HandOffInput, 'mediationId'>;
type MaterialKey = keyof typeof MATERIALS;
type MaterialState = keyof typeof MATERIAL_STATES;

/**
 * 申请司法确认 from a mediation's agreement, in one action (issue 13 item 1): the parties (all as 申请人), the
 * organisation, the mediator, the date and the terms come from the record and are not retyped; the counter adds
 * the date of the application, its form and the materials of 解释 art. 354, and the organisation's kind and place
 * only when it is not on the roster. Once applied, the card links to the 民特 case. A 委托 agreement (after
 * filing) is closed by a 民事调解书 instead, so the card is not shown for it. The card tells the application window
 * of the agreement as core computes it (民诉法 2023 art. 205, the legal periods table, the injected clock): its last
 * day while in time; once past — an old agreement, a legacy 民诉前调 record's in particular — that the period has
 * ended, with the day and the article, and no action (core refuses the hand-off too).
 */
export function ConfirmationHandOff({ v, today, roles }: { v: View; today: string; roles: readonly Role[] }) {
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const eligible = Boolean(v.agreement) && v.flow !== 'entrusted';
  const { data } = useOperation(eligible ? () => send('confirmation.ofMediation', { mediationId: v.id }) : null, [eligible, v.id]);
  if (!eligible || !data) return null;
  const counter = (ACCESS.counter as readonly Role[]).some((r) => roles.includes(r));
  const outside = v.org?.id === null || v.org?.id === undefined;
  const w = data.window;
  const rolled = w?.rolledFrom ? `（${w.rolledFrom} 为节假日，顺延）` : '';
  return (
    <Card size="small" title="司法确认" style={{ marginTop: 16 }} data-testid="confirmation-hand-off">
      {data.confirmation ? (
        <Typography.Text>
          已申请司法确认：<Link to={`/confirmation/${data.confirmation.id}`}>{data.confirmation.caseNumber}</Link>
        </Typography.Text>
      ) : w && !w.open ? (
        <Alert
          type="warning"
          showIcon
          data-testid="confirmation-window-passed"
          title="申请司法确认的期限已届满"
          description={`双方当事人应自调解协议生效之日起三十日内共同申请司法确认（${w.basis}）。本调解协议于 ${w.effectiveOn} 生效，申请期限至 ${w.due} 届满${rolled}，不能再从本调解记录申请司法确认。`}
        />
      ) : counter ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="confirmation-window">
            双方当事人可自调解协议生效之日起三十日内共同申请司法确认（{w?.basis}）
            {w ? `：本调解协议于 ${w.effectiveOn} 生效，申请期限至 ${w.due}${rolled}` : ''}
            。当事人、调解组织、调解员和协议条款从本调解记录带入。
          </Typography.Paragraph>
          <Button type="primary" onClick={() => setOpen(true)}>
            申请司法确认
          </Button>
        </>
      ) : (
        <Typography.Text type="secondary" data-testid="confirmation-window">
          双方当事人共同申请的，由立案窗口从本调解记录登记司法确认申请
          {w ? `（申请期限至 ${w.due}${rolled}，${w.basis}）` : ''}。
        </Typography.Text>
      )}
      <FormModal<Values>
        open={open}
        title="申请司法确认"
        form={form}
        width={640}
        okText="登记申请"
        initialValues={{
          appliedOn: today,
          applicationForm: 'written',
          materials: {
            agreement: 'provided',
            mediationProof: 'provided',
            propertyProof: 'not_applicable',
            identity: 'provided',
            powerOfAttorney: 'not_applicable',
          },
        }}
        onClose={() => setOpen(false)}
        onSubmit={async (x) => {
          const r = await send('confirmation.applyFromMediation', { mediationId: v.id, ...x });
          setOpen(false);
          navigate(`/confirmation/${r.id}`);
        }}
      >
        <Typography.Paragraph>
          申请人：{v.parties.map((p) => p.name).join('、')}（共同申请）；调解组织：{v.org?.name ?? '—'}；调解协议 {v.agreement?.signedOn}{' '}
          签署，共 {v.agreement?.terms.length} 项。
        </Typography.Paragraph>
        <Form.Item name="appliedOn" label="申请日期" rules={[{ required: true, message: '请填写申请日期' }]}>
          <Input placeholder="年-月-日" />
        </Form.Item>
        {outside && (
          <>
            <Form.Item name="organisationKind" label="调解组织类型" rules={[{ required: true, message: '请选择调解组织类型' }]}>
              <Select options={Object.entries(ORGANISATION_KINDS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item name="organisationPlace" label="调解组织所在地" rules={[{ required: true, message: '请填写调解组织所在地' }]}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Form.Item name="applicationForm" label="申请方式">
          <Radio.Group
            options={[
              { value: 'written', label: '书面申请' },
              { value: 'oral', label: '口头申请（记入笔录）' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.applicationForm !== b.applicationForm}>
          {({ getFieldValue }) =>
            getFieldValue('applicationForm') === 'oral' && (
              <>
                <Form.Item name="oralRecord" label="口头申请笔录">
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item name="oralRecordSigned" label="笔录已由申请人签名、捺印或盖章">
                  <Radio.Group
                    options={[
                      { value: true, label: '是' },
                      { value: false, label: '否' },
                    ]}
                  />
                </Form.Item>
              </>
            )
          }
        </Form.Item>
        {(Object.keys(MATERIALS) as MaterialKey[]).map((k) => (
          <Form.Item key={k} name={['materials', k]} label={MATERIALS[k]} style={{ marginBottom: 8 }}>
            <Radio.Group
              options={(Object.keys(MATERIAL_STATES) as MaterialState[]).map((s) => ({ value: s, label: MATERIAL_STATES[s] }))}
            />
          </Form.Item>
        ))}
      </FormModal>
    </Card>
  );
}
