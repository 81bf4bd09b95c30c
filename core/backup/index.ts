import { defineArea } from '../api/area';
import { backupOperations } from './operations';

/** 数据备份: backup and restore of the store (core/backup). Public API for the shells and the CLI. */
export {
  takeBackup,
  checkBackup,
  restoreBackup,
  RestoreRefused,
  BACKUP_EXTENSION,
  type BackupManifest,
  type BackupCheck,
} from './backupFile';
export { startBackup, startBackupSchedule, backupStatus, readPolicy, pruneBackups, type BackupStatus } from './service';
export { backupMeta } from './meta';

export const backupArea = defineArea({
  name: 'backup',
  label: '数据备份',
  operations: backupOperations,
  auditSubjects: { backup_policy: { label: '备份策略' } },
});
