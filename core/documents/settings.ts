import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';
import type { FontConfig } from './fonts';

const fontConfig: z.ZodType<FontConfig> = z.object({
  body: z.string().optional(),
  bodyBold: z.string().optional(),
  title: z.string().optional(),
  fallback: z.array(z.string()).optional(),
});

/** The documents area's settings: the court's own font files (licensed 仿宋_GB2312, 方正小标宋); empty: the shipped Noto Serif SC. */
export const documentSettings = defineSettings({
  'documents.fonts': { label: '文书字体', schema: fontConfig, default: {} as FontConfig },
});

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends SettingValues<typeof documentSettings> {}
}
