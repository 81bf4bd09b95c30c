import { ApiError } from './errors';

/**
 * Turns SQLite failures into messages a clerk can act on. A corrupt database or a full disk is never
 * reported as "something went wrong": the clerk must know the record was NOT saved and whom to call.
 */
export function classifyDatabaseError(err: unknown): ApiError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new ApiError('DB_BUSY', '数据库正忙（其他窗口正在保存），本次操作未保存，请稍后重试。');
  }
  if (code === 'SQLITE_FULL') {
    return new ApiError('DB_FULL', '磁盘空间已满，本次操作未保存。请清理磁盘空间或联系信息技术人员后重试。');
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new ApiError(
      'DB_CORRUPT',
      '数据库文件已损坏，本次操作未保存。请立即停止录入，联系信息技术人员用备份恢复并运行“court verify”检查。',
    );
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') {
    return new ApiError('DB_READONLY', '无法写入数据库文件（只读或读写出错），本次操作未保存。请联系信息技术人员。');
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new ApiError('CONFLICT', '数据与已有记录冲突，本次操作未保存。');
  }
  return null;
}
