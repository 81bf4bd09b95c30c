/** Version of the application, shown in the UI and health check; keep in step with package.json. */
export const APP_VERSION = '0.1.0';
