import { ApiCallError, send, type Input, type Output } from '../api/client';

/**
 * Generating a document that is already registered with the same content asks first: the host answers
 * CONFLICT on `confirmDuplicate` (naming the registered document); `ask` shows that to the person, and only
 * on their yes is the call repeated with `confirmDuplicate: true`. Returns null when they decline.
 */
export function isDuplicateAnswer(err: unknown): err is ApiCallError {
  return err instanceof ApiCallError && err.code === 'CONFLICT' && err.field === 'confirmDuplicate';
}

type GenerateOp = 'documents.generate' | 'fees.generateNotice';

export async function generateAsking<N extends GenerateOp>(
  name: N,
  input: Input<N>,
  ask: (message: string) => Promise<boolean>,
): Promise<Output<N> | null> {
  try {
    return await (send as (n: N, i: Input<N>) => Promise<Output<N>>)(name, input);
  } catch (err) {
    if (!isDuplicateAnswer(err)) throw err;
    if (!(await ask(err.message))) return null;
    return (send as (n: N, i: Input<N>) => Promise<Output<N>>)(name, { ...input, confirmDuplicate: true });
  }
}

/** The yes/no question of a duplicate, with antd's modal (App.useApp().modal). */
export function askWithModal(modal: {
  confirm: (config: {
    title: string;
    content: string;
    okText: string;
    cancelText: string;
    onOk: () => void;
    onCancel: () => void;
  }) => unknown;
}) {
  return (message: string) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '已有内容相同的文书',
        content: message,
        okText: '再次生成并登记',
        cancelText: '不生成',
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}

/** The fields whose values differ between two data objects (dotted paths), i.e. what a person changed. */
export function changedPaths(before: unknown, after: unknown, prefix = ''): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      out.push(...changedPaths(before[i], after[i], prefix ? `${prefix}.${i}` : String(i)));
    return out;
  }
  if (isObj(before) && isObj(after)) {
    const out: string[] = [];
    for (const k of new Set([...Object.keys(before), ...Object.keys(after)]))
      out.push(...changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k));
    return out;
  }
  const norm = (v: unknown) => (typeof v === 'string' ? v.trim() : (v ?? null));
  return norm(before) === norm(after) ? [] : [prefix];
}
