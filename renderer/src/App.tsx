import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { HashRouter } from 'react-router';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './session/SessionProvider';
import { theme } from './theme';

dayjs.locale('zh-cn');

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} componentSize="middle" button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionProvider>
          <HashRouter>
            <AppRoutes />
          </HashRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
