import { useState } from 'react';
import { errorMessage } from '../api/client';

export interface SheetFile {
  name: string;
  base64: string;
}

/**
 * The state of a sheet import page (导入移送案件, 导入旧诉前调案件): the chosen file, the column mapping, the
 * preview (run again whenever the mapping changes; nothing is written), the skip tick, and the confirmation.
 * `preview` and `confirm` send the page's own operations; either returns null when the page lacks what it needs.
 */
export function useSheetImport<M, P extends { mapping: M }, D>(ops: {
  preview: (file: SheetFile, mapping: M) => Promise<P> | null;
  confirm: (file: SheetFile, preview: P, skip: boolean) => Promise<D> | null;
  empty: M;
}) {
  const [file, setFile] = useState<SheetFile | null>(null);
  const [mapping, setMapping] = useState<M>(ops.empty);
  const [preview, setPreview] = useState<P | null>(null);
  const [skip, setSkip] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<D | null>(null);

  const runPreview = async (m: M) => {
    const call = file && ops.preview(file, m);
    if (!call) return;
    setBusy(true);
    setError(null);
    try {
      const p = await call;
      setPreview(p);
      setMapping(p.mapping);
      setSkip(false);
    } catch (err) {
      setPreview(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    const call = file && preview && ops.confirm(file, preview, skip);
    if (!call) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await call);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return { file, setFile, mapping, setMapping, preview, setPreview, skip, setSkip, busy, error, done, setDone, runPreview, confirm };
}
