import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { applyApiError } from '../api/formErrors';
import { useSubmit } from './useSubmit';

interface FormModalProps<T> {
  open: boolean;
  title: string;
  form: FormInstance<T>;
  okText?: string;
  width?: number;
  initialValues?: Partial<T>;
  /** saves; a thrown API error is shown on the fields it names, the rest above the form */
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal form that works from the keyboard: the first field has focus when it opens, Enter submits
 * (the whole modal is the <form>, the OK button its submit button), Ctrl+Enter too (from a text area),
 * Esc closes.
 */
export function FormModal<T extends object>({
  open,
  title,
  form,
  okText = '保存',
  width = 480,
  initialValues,
  onSubmit,
  onClose,
  children,
}: FormModalProps<T>) {
  const body = useRef<HTMLDivElement>(null);
  const [saving, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);

  const finish = (values: T) =>
    run(async () => {
      setError(null);
      try {
        await onSubmit(values);
      } catch (err) {
        setError(applyApiError(form, err));
      }
    });

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit' }}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      afterOpenChange={(isOpen) => {
        if (isOpen) {
          const fields =
            body.current?.querySelectorAll<HTMLElement>('input:not([disabled]):not([type="hidden"]):not([type="checkbox"]), textarea') ??
            [];
          [...fields].find((el) => el.offsetParent !== null)?.focus();
        } else {
          setError(null);
        }
      }}
      modalRender={(dom) => (
        <Form<T>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={finish}
          clearOnDestroy
          requiredMark={false}
          onKeyDown={(e) => {
            // Ctrl+Enter submits from a multi-line box too
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              form.submit();
            }
          }}
        >
          {dom}
        </Form>
      )}
    >
      <div ref={body}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {children}
      </div>
    </Modal>
  );
}
