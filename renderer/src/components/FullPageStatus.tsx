import { Button, Result, Spin } from 'antd';

/** The whole window while the app contacts its host, or when it cannot. */
export function FullPageStatus({ loading, error, onRetry }: { loading?: boolean; error?: string | null; onRetry?: () => void }) {
  if (loading) {
    return (
      <div className="full-page-center" role="status" aria-live="polite">
        <Spin size="large" />
        <div className="full-page-hint">正在连接诉服台…</div>
      </div>
    );
  }
  return (
    <div className="full-page-center">
      <Result
        status="error"
        title="无法连接诉服台主机"
        subTitle={error ?? '请检查网络或确认主机正在运行'}
        extra={
          onRetry && (
            <Button type="primary" autoFocus onClick={onRetry}>
              重试
            </Button>
          )
        }
      />
    </div>
  );
}
