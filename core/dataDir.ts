import os from 'node:os';
import path from 'node:path';

/** Folder name of the app's data, the same one Electron uses for userData (package.json "name"). */
export const APP_DIR_NAME = 'court-desk';

/**
 * Where a desk keeps its data when no --data is given: the folder Electron calls userData. The Electron
 * shell sets userData to this same path, so the desktop app, the host and the CLI agree on one place.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.COURT_DATA_DIR) return env.COURT_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_DIR_NAME);
}
