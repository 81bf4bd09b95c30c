/** Backup and restore: the public API of the area (core/backup). */
export { takeBackup, checkBackup, restoreBackup, RestoreRefused, BACKUP_EXTENSION, type BackupManifest, type BackupCheck } from './backupFile';
export { startBackup, startBackupSchedule, backupStatus, readPolicy, pruneBackups, type BackupStatus } from './service';
export { backupOperations } from './operations';
