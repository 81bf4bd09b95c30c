import { bindList, contains, dateRange, equals } from '../lists/query';
import { documentsList } from './listMeta';

/** The SQL of the document list (core/documents/listMeta.ts): ordered by creation time (documents_created_idx). */
export const documentsBrowse = bindList({
  meta: documentsList,
  from: 'documents doc LEFT JOIN cases c ON c.id = doc.case_id LEFT JOIN users u ON u.id = doc.created_by',
  id: 'doc.id',
  caseId: 'doc.case_id',
  columns: {
    caseNumber: 'c.number',
    title: 'doc.title',
    format: 'doc.format',
    createdAt: 'doc.created_at',
    createdBy: 'u.display_name',
    pageCount: 'doc.page_count',
    printCount: 'doc.print_count',
    templateId: 'doc.template_id',
    templateVersion: 'doc.template_version',
  },
  filters: {
    created: dateRange('doc.created_at'),
    format: equals('doc.format'),
    title: contains('doc.title'),
    unprinted: () => ({ sql: 'doc.print_count = 0', params: [] }),
  },
});
