/** The docket's settings, merged into CourtSettings (core/court/settings.ts). */
export interface DocketSettings {
  /**
   * months an ordinary-procedure trial period may be extended by the court's president (民诉法 art. 152: six
   * months; beyond that the higher court decides, outside this desk)
   */
  'docket.ordinaryExtensionMonths': number;
  /** court practice, not statute: an extension should be requested this many days before expiry */
  'docket.extensionLeadDays': number;
  /** the seed of the random draw among the least-loaded judges (assignment is reproducible from it) */
  'docket.assignmentSeed': number;
}

export const DOCKET_SETTING_DEFAULTS: DocketSettings = {
  'docket.ordinaryExtensionMonths': 6,
  'docket.extensionLeadDays': 15,
  'docket.assignmentSeed': 20260101,
};
