import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// One build serves both hosts: relative asset paths work from the desktop app's custom protocol
// and from the web host alike, and nothing is inlined, so the strict CSP needs no exceptions.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2022',
    // One local bundle, loaded from disk or loopback: size matters less than on the web.
    chunkSizeWarningLimit: 1200,
  },
});
