import { Card, Descriptions, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { TierTag } from './TierTag';

/** On the case view: the fast-track procedure, the judge and the trial period, when the case is on the docket. */
export function CaseDocketCard({ caseId }: { caseId: number }) {
  const navigate = useNavigate();
  const { data } = useOperation(() => send('docket.case', { caseId }), [caseId]);
  if (!data) return null;
  return (
    <Card
      size="small"
      title="速裁"
      className="case-card"
      extra={<Typography.Link onClick={() => navigate(`/docket/cases/${caseId}`)}>办理</Typography.Link>}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'p', label: '适用程序', children: data.procedureLabel ?? '待分流' },
          { key: 'j', label: '承办法官', children: <span data-testid="case-judge">{data.judge?.name ?? '（未分配）'}</span> },
          ...(data.period
            ? [
                {
                  key: 'd',
                  label: '审限届满',
                  children: (
                    <>
                      {data.period.due} <TierTag tier={data.period.tier} label={data.period.tierLabel} />
                    </>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
