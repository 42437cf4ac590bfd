import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is one static build (`dist/`) that both hosts load: Electron from its app:// protocol,
// the web host over http://127.0.0.1. Relative asset paths keep it working under either origin.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
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
