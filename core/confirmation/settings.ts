/**
 * The confirmation settings, merged into CourtSettings (core/court/settings.ts). The effect line of the rulings is
 * a setting: courts print 本裁定自即日起发生法律效力 (the default; a special-procedure ruling is final on issue,
 * 民诉法 2023 art. 185) or 本裁定送达后即发生法律效力. The value in force is recorded with each signed ruling's data.
 */
export interface ConfirmationSettings {
  'confirmation.effectLine': string;
}

export const CONFIRMATION_SETTING_DEFAULTS: ConfirmationSettings = {
  'confirmation.effectLine': '本裁定自即日起发生法律效力。',
};
