export {
  writeWorkbook,
  writeWorkbookFile,
  writeWorkbookBuffer,
  cellValue,
  excelDate,
  excelDateTime,
  NUMBER_FORMATS,
  XLSX_MIME,
  type CellKind,
  type SheetColumn,
  type SheetSpec,
  type WriteOptions,
  type WriteProgress,
  type WriteResult,
} from './writer';
export { readSheet, cellText, MAX_IMPORT_ROWS, type SheetRows } from './reader';
export { mappedRows, unmappedRefusals, type RefusedRow } from './mapped';
