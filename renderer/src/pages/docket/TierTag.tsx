import { Tag } from 'antd';

const COLORS: Record<string, string> = {
  none: 'green',
  'two-thirds': 'gold',
  'thirty-days': 'orange',
  'five-days': 'red',
  overdue: 'magenta',
};

/** The trial-period warning of a case as a coloured tag. */
export function TierTag({ tier, label }: { tier: string | null; label: string | null }) {
  if (!tier || !label) return null;
  return (
    <Tag color={COLORS[tier] ?? 'default'} data-testid="tier-tag">
      {label}
    </Tag>
  );
}
