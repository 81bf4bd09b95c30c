import { Tag } from 'antd';
import { ROLE_COLORS, roleLabel, type Role } from '../labels';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={ROLE_COLORS[r]} variant="filled">
          {roleLabel(r)}
        </Tag>
      ))}
    </>
  );
}
