import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';

/** The period of a statistics page, kept in the address (?from=…&to=…) so a link or a reload shows the same figures. */
export function usePeriod(): { from: string; to: string; set: (from: string, to: string) => void } {
  const [params, setParams] = useSearchParams();
  const today = dayjs();
  const from = params.get('from') ?? today.startOf('month').format('YYYY-MM-DD');
  const to = params.get('to') ?? today.format('YYYY-MM-DD');
  return {
    from,
    to,
    set: (f, t) =>
      setParams(
        (p) => {
          p.set('from', f);
          p.set('to', t);
          return p;
        },
        { replace: true },
      ),
  };
}

export function PeriodPicker({ from, to, onChange }: { from: string; to: string; onChange: (from: string, to: string) => void }) {
  const today = dayjs();
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: '本月', value: [today.startOf('month'), today] },
    { label: '上月', value: [today.subtract(1, 'month').startOf('month'), today.subtract(1, 'month').endOf('month')] },
    { label: '本季度', value: [today.startOf('month').subtract(today.month() % 3, 'month'), today] },
    { label: '今年', value: [today.startOf('year'), today] },
    { label: '去年', value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')] },
  ];
  return (
    <DatePicker.RangePicker
      aria-label="统计期间"
      allowClear={false}
      value={[dayjs(from), dayjs(to)]}
      presets={presets}
      onChange={(v) => v?.[0] && v[1] && onChange(v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD'))}
    />
  );
}
