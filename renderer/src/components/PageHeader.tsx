import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Title row of a page inside the main layout, with optional actions on the right. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <Flex className="page-header" align="center" justify="space-between" gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra && <Flex gap={8}>{extra}</Flex>}
    </Flex>
  );
}
