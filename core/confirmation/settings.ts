import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';

/**
 * The confirmation settings section. The effect line of the rulings is a setting: courts print
 * 本裁定自即日起发生法律效力 (the default; a special-procedure ruling is final on issue, 民诉法 2023 art. 185) or
 * 本裁定送达后即发生法律效力. The value in force is recorded with each signed ruling's data.
 */
export const confirmationSettings = defineSettings({
  'confirmation.effectLine': {
    label: '裁定书生效表述',
    schema: z.string().regex(/^本裁定.*(生效|发生法律效力)。$/u),
    default: '本裁定自即日起发生法律效力。',
  },
});

export type ConfirmationSettings = SettingValues<typeof confirmationSettings>;

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends ConfirmationSettings {}
}
