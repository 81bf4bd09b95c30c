import { Tag } from 'antd';
import { versionText } from '../../documents/labels';

export function VersionTag({ version }: { version: string }) {
  const court = version.startsWith('court.');
  return (
    <Tag color={court ? 'blue' : 'default'} className="version-tag" title={versionText(version)}>
      <span className="mono-number">{version}</span>
    </Tag>
  );
}

export function OriginTag({ origin }: { origin: 'builtin' | 'court' }) {
  return origin === 'court' ? <Tag color="blue">本院</Tag> : <Tag>内置</Tag>;
}
