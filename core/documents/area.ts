import { eq } from 'drizzle-orm';
import { cases, documents } from '../../db/schema';
import { defineArea } from '../api/area';
import { DATA_BUILDERS } from './dataBuilders';
import { auditEvents, documentsMeta } from './meta';
import { documentOperations } from './operations';
import { documentSettings } from './settings';
import { builtinTemplate } from './template';

export { documentsMeta };

/** 文书: templates, the document register, preview and printing (the descriptor core/areas.ts combines). */
export const documentsArea = defineArea({
  name: 'documents',
  label: '文书',
  operations: documentOperations,
  settings: documentSettings,
  dataBuilders: DATA_BUILDERS,
  auditSubjects: {
    document: {
      label: '文书',
      name: (db, id) => {
        const d = db
          .select({ title: documents.title, number: cases.number })
          .from(documents)
          .leftJoin(cases, eq(cases.id, documents.caseId))
          .where(eq(documents.id, Number(id)))
          .get();
        return d ? (d.number ? `${d.title}（${d.number}）` : d.title) : null;
      },
    },
    template: {
      label: '文书模板',
      name: (_db, id) => {
        try {
          return builtinTemplate(id).title;
        } catch {
          return id;
        }
      },
    },
  },
  auditEvents,
});
