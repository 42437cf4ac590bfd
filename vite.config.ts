import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CONTENT_SECURITY_POLICY } from './electron/csp';

/** Writes the one Content Security Policy (electron/csp.ts) into index.html, so every host gets it. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'empathy-workbench-csp',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// The renderer is one static build (`dist/`) that both hosts load: Electron from its app:// protocol,
// the web host over http://127.0.0.1. Relative asset paths keep it working under either origin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  worker: {
    format: 'es',
  },
});
