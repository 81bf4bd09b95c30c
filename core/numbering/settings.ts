import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';
import { DEFAULT_REGISTER_PATTERN, registerPatternProblem } from './registerNumber';

/** The numbering area's settings: the pattern of the centre's register numbers (调登〔2026〕0001). */
export const numberingSettings = defineSettings({
  'numbering.registerPattern': {
    label: '中心登记号格式',
    schema: z.string().refine((p) => registerPatternProblem(p) === null, { error: '登记号格式无效' }),
    default: DEFAULT_REGISTER_PATTERN,
  },
});

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends SettingValues<typeof numberingSettings> {}
}
