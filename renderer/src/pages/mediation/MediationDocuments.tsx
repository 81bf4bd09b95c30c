import { App, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage, type Output } from '../../api/client';
import { askWithModal, generateAsking } from '../../documents/generate';

type View = Output<'mediation.get'>;

/** The mediation documents that fit the record's flow and stage (templates/mediation-*.txt). */
function documentsFor(v: View): { id: string; title: string; form?: boolean }[] {
  const out: { id: string; title: string; form?: boolean }[] = [];
  if (v.flow === 'delegated' || v.flow === 'entrusted') out.push({ id: 'mediation-notice', title: '调解告知书' });
  if (v.org && v.flow === 'delegated') out.push({ id: 'mediation-delegation-letter', title: '委派调解函' });
  if (v.org && v.flow === 'entrusted') out.push({ id: 'mediation-entrustment-letter', title: '委托调解函' });
  if (v.agreement && v.org) out.push({ id: 'mediation-agreement', title: '调解协议书' });
  if (v.agreement && v.org && v.flow === 'entrusted') out.push({ id: 'mediation-paper', title: '民事调解书', form: true });
  if (['failed', 'converted', 'back-to-trial'].includes(v.status)) out.push({ id: 'mediation-ended-notice', title: '调解终结告知书' });
  return out;
}

/** Buttons generating each document from the record into the case's register (PDF). */
export function MediationDocuments({ v }: { v: View }) {
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [made, setMade] = useState<string[]>([]);
  const navigate = useNavigate();
  const docs = documentsFor(v);
  if (!docs.length) return null;
  return (
    <Card size="small" title="调解文书" style={{ marginTop: 16 }}>
      <Space wrap>
        {docs.map((d) => (
          <Button
            key={d.id}
            loading={busy === d.id}
            onClick={async () => {
              // the 民事调解书 names its clerk, whom the record does not hold: it opens the generate page with the
              // mediation as its subject, where the record fills the rest and the clerk is typed
              if (d.form) {
                navigate(`/cases/${v.caseId}/documents/new?template=${d.id}&subjectKind=mediation&subjectId=${v.id}`);
                return;
              }
              setBusy(d.id);
              try {
                const r = await generateAsking(
                  'documents.generate',
                  { caseId: v.caseId, templateId: d.id, format: 'pdf', subjectKind: 'mediation', subjectId: v.id },
                  askWithModal(modal),
                );
                if (r) {
                  setMade((m) => [...m, d.title]);
                  message.success(`已生成《${d.title}》`);
                }
              } catch (err) {
                message.error(errorMessage(err));
              } finally {
                setBusy(null);
              }
            }}
          >
            生成{d.title}
          </Button>
        ))}
      </Space>
      {made.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          已生成：{made.join('、')}。在 <Link to={`/cases/${v.caseId}`}>案件 {v.caseNumber}</Link> 的文书中查看和打印。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
