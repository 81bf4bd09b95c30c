import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/**
 * One build for the desktop app: main process (electron/main.ts, bundles core/ and db/; native and
 * node_modules dependencies stay external) with the verification worker beside it, the preload bridge, and
 * the renderer (renderer/), which the host (server/) also serves from out/renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main.ts'),
          // audit.verify's worker thread (core/audit/verifyInWorker.ts): out/main/verifyWorker.js beside the main
          // bundle, where electron/verifyWorkerPath.ts looks for it
          verifyWorker: resolve(__dirname, 'core/audit/verifyWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload.ts') },
        // A sandboxed preload cannot be an ES module: emit CommonJS even though the package is "type": "module".
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      // the same bundle is served over the LAN by the host: minify it
      minify: true,
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
