import { useEffect, useState } from 'react';
import { errorMessage, send } from '../../api/client';
import type { FeeSchedule } from './feeLabels';

/**
 * The fee schedule as the host serves it (kinds with their labels, procedures, closings, the provincial
 * amounts and the court's date — `on` is the host's today, which a training host may set apart from the
 * desk's clock).
 */
export function useFeeSchedule(): { schedule: FeeSchedule | null; error: string | null } {
  const [schedule, setSchedule] = useState<FeeSchedule | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    send('fees.schedule', {})
      .then((s) => live && setSchedule(s))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);
  return { schedule, error };
}
