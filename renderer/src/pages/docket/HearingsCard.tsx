import {
  App as AntApp,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { FormModal } from '../../components/FormModal';
import { askWithModal, generateAsking } from '../../documents/generate';
import { useGeneratedDocument } from '../fees/GeneratedDocument';

type Hearing = Output<'docket.case'> extends infer V ? (V extends { hearings: (infer H)[] } ? H : never) : never;

const time = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)}`;

interface ScheduleValues {
  courtroom: string;
  day: Dayjs;
  at: Dayjs;
  minutes: number;
  serial?: string;
  reason?: string;
  shortNoticeReason?: string;
}

/** 民诉法 art. 139: parties are notified at least three days before the hearing (the server holds the rule). */
const NOTICE_DAYS = 3;
const noticeDays = (day: Dayjs | undefined) => (day ? day.startOf('day').diff(dayjs().startOf('day'), 'day') : NOTICE_DAYS);

/** The first weekday at least three days away: the form's default hearing day. */
function firstLawfulDay(): Dayjs {
  let d = dayjs().add(NOTICE_DAYS, 'day');
  while (d.day() === 0 || d.day() === 6) d = d.add(1, 'day');
  return d;
}

/**
 * The hearings of a docket case: schedule (courtroom, day and time, length; serial cases by their 案号 in one
 * session), postpone with a reason (counted), and the summons and notices of appearance printed from a hearing.
 */
export function HearingsCard({
  caseId,
  hearings,
  postponements,
  handler,
  onChanged,
}: {
  caseId: number;
  hearings: Hearing[];
  postponements: number;
  handler: boolean;
  onChanged: () => void;
}) {
  const { message, modal } = AntApp.useApp();
  const [dialog, setDialog] = useState<{ kind: 'schedule' } | { kind: 'postpone'; hearing: Hearing } | null>(null);
  const [form] = Form.useForm<ScheduleValues>();
  const rooms = useOperation(dialog ? () => send('docket.courtrooms') : null, [dialog]);
  const generated = useGeneratedDocument(onChanged);
  const day = Form.useWatch('day', form);
  const shortNotice = dialog !== null && noticeDays(day) < NOTICE_DAYS;
  const print = async (h: Hearing, templateId: 'docket-summons' | 'docket-appearance-notice') => {
    try {
      const r = await generateAsking(
        'documents.generate',
        { caseId, templateId, format: 'pdf', subjectKind: 'hearing', subjectId: h.id },
        askWithModal(modal),
      );
      if (r) generated.show(r);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const close = () => {
    setDialog(null);
    form.resetFields();
  };
  const submit = async (v: ScheduleValues) => {
    const startsAt = `${v.day.format('YYYY-MM-DD')} ${v.at.format('HH:mm')}`;
    if (dialog?.kind === 'postpone') {
      await send('docket.postponeHearing', {
        hearingId: dialog.hearing.id,
        reason: v.reason ?? '',
        startsAt,
        minutes: v.minutes,
        courtroom: v.courtroom,
        shortNoticeReason: shortNotice ? v.shortNoticeReason : undefined,
      });
      message.success('已延期并重新排期');
    } else {
      const serial = (v.serial ?? '')
        .split(/[\s,，、]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const ids = [caseId];
      for (const n of serial) {
        const found = (await send('cases.search', { q: n, limit: 1 })).rows.find((r) => r.number === n);
        if (!found) throw new Error(`没有找到案号为 ${n} 的案件`);
        ids.push(found.id);
      }
      await send('docket.scheduleHearing', {
        caseIds: ids,
        courtroom: v.courtroom,
        startsAt,
        minutes: v.minutes,
        shortNoticeReason: shortNotice ? v.shortNoticeReason : undefined,
      });
      message.success('已排期');
    }
    close();
    onChanged();
  };
  const scheduled = hearings.some((h) => h.status === 'scheduled');
  return (
    <Card
      size="small"
      title={`庭审${postponements ? `（已延期 ${postponements} 次）` : ''}`}
      className="case-card"
      extra={
        handler &&
        !scheduled && (
          <Button size="small" type="primary" onClick={() => setDialog({ kind: 'schedule' })}>
            排期开庭
          </Button>
        )
      }
      data-testid="docket-hearings"
    >
      <List
        size="small"
        dataSource={hearings}
        locale={{ emptyText: '尚未排期' }}
        renderItem={(h) => (
          <List.Item
            actions={
              h.status === 'scheduled'
                ? [
                    <Button key="s" size="small" onClick={() => void print(h, 'docket-summons')}>
                      传票
                    </Button>,
                    <Button key="n" size="small" onClick={() => void print(h, 'docket-appearance-notice')}>
                      出庭通知书
                    </Button>,
                    ...(handler
                      ? [
                          <Button key="p" size="small" onClick={() => setDialog({ kind: 'postpone', hearing: h })}>
                            延期
                          </Button>,
                        ]
                      : []),
                  ]
                : []
            }
          >
            <Space wrap>
              <span data-testid="hearing-time">
                {time(h.startsAt)}–{h.endsAt.slice(11, 16)}
              </span>
              <span>{h.courtroom}</span>
              <Tag color={h.status === 'scheduled' ? 'blue' : h.status === 'postponed' ? 'orange' : 'default'}>{h.statusLabel}</Tag>
              {h.batch && <Tag>系列案件合并开庭</Tag>}
              {h.postponeReason && <Typography.Text type="secondary">延期理由：{h.postponeReason}</Typography.Text>}
              {h.shortNoticeReason && <Typography.Text type="secondary">通知不足三日：{h.shortNoticeReason}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      <FormModal<ScheduleValues>
        open={dialog !== null}
        title={dialog?.kind === 'postpone' ? '延期开庭' : '排期开庭'}
        form={form}
        onClose={close}
        onSubmit={submit}
        initialValues={
          dialog?.kind === 'postpone'
            ? { courtroom: dialog.hearing.courtroom, minutes: 30 }
            : { minutes: 30, day: firstLawfulDay(), at: dayjs('09:00', 'HH:mm') }
        }
      >
        {dialog?.kind === 'postpone' && (
          <Form.Item name="reason" label="延期理由" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        <Form.Item name="courtroom" label="法庭" rules={[{ required: true, whitespace: true, message: '请填写法庭' }]}>
          <AutoComplete options={(rooms.data?.courtrooms ?? []).map((value) => ({ value }))} placeholder="如 第三审判庭" />
        </Form.Item>
        <Space>
          <Form.Item name="day" label="开庭日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="at" label="时间" rules={[{ required: true, message: '请选择时间' }]}>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
          <Form.Item name="minutes" label="时长（分钟）" rules={[{ required: true, message: '请填写时长' }]}>
            <InputNumber min={10} max={480} step={10} />
          </Form.Item>
        </Space>
        {shortNotice && (
          <Form.Item
            name="shortNoticeReason"
            label="不足三日通知的理由"
            extra="应当在开庭三日前通知当事人（民诉法第一百三十九条）。仅简易程序（含小额诉讼）：双方同时到庭请求当即审理，或均表示不需要举证期限、答辩期间的，写明当事人如何收到通知、是否同意"
            rules={[{ required: true, whitespace: true, message: '请填写不足三日通知的理由' }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {dialog?.kind === 'schedule' && (
          <Form.Item name="serial" label="同一次庭审的系列案件（案号，可多个）" extra="同一原告、同一案由、同一承办法官的案件">
            <Input placeholder="如 （2026）浙0522民初102号" />
          </Form.Item>
        )}
      </FormModal>
      {generated.modal}
    </Card>
  );
}
