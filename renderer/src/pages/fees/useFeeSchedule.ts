import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import type { FeeSchedule } from './feeLabels';

/**
 * The fee schedule as the host serves it (kinds with their labels, procedures, closings, the provincial
 * amounts and the court's date — `on` is the host's today, which a training host may set apart from the
 * desk's clock).
 */
export function useFeeSchedule(): { schedule: FeeSchedule | null; error: string | null } {
  const { data, error } = useOperation(() => send('fees.schedule', {}), []);
  return { schedule: data, error };
}
