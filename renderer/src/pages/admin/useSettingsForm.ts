import { Form } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage } from '../../api/client';
import { applyApiError } from '../../api/formErrors';

/**
 * A settings form: filled once from `load` (or its load error), and `save` running one change with the
 * saving flag, a refusal shown on its field or, when it names none, as `error`.
 */
export function useSettingsForm<V extends object>(load: () => Promise<V>) {
  const [form] = Form.useForm<V>();
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let live = true;
    load()
      .then((values) => {
        if (!live) return;
        form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
        setLoaded(true);
      })
      .catch((err) => live && setLoadError(errorMessage(err)));
    return () => {
      live = false;
    };
    // loaded once per form: `load` is a fresh closure on every render
  }, [form]);

  const save = async (change: () => Promise<void>) => {
    setSaving(true);
    setError(null);
    try {
      await change();
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setSaving(false);
    }
  };

  return { form, loaded, loadError, error, saving, save };
}
