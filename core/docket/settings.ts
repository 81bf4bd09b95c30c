import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';

/** The docket's settings section. */
export const docketSettings = defineSettings({
  /**
   * months an ordinary-procedure trial period may be extended by the court's president (民诉法 art. 152: six
   * months; beyond that the higher court decides, outside this desk)
   */
  'docket.ordinaryExtensionMonths': { label: '普通程序审限可延长月数', schema: z.number().int().min(1).max(12), default: 6 },
  /** court practice, not statute: an extension should be requested this many days before expiry */
  'docket.extensionLeadDays': { label: '提前申请延长审限天数', schema: z.number().int().min(0).max(60), default: 15 },
  /** the court that hears appeals from this court's judgments (上一级人民法院), named in the appeal sentence */
  'docket.appealCourt': { label: '上诉法院（上一级人民法院）', schema: z.string().max(60), default: '' },
  /** the seed of the random draw among the least-loaded judges (assignment is reproducible from it) */
  'docket.assignmentSeed': { label: '分案随机种子', schema: z.number().int().min(0).max(4294967295), default: 20260101 },
});

export type DocketSettings = SettingValues<typeof docketSettings>;

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends DocketSettings {}
}
