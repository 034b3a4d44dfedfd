import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/ and is built into web/dist, which the server serves as static files.
// In development `npx vite` proxies the API to the server (override with YS_API_TARGET).
const apiTarget = process.env.YS_API_TARGET ?? 'http://localhost:8080';
const proxy = { '/api': { target: apiTarget, changeOrigin: false } };

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  server: { port: 5173, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd + React make one large vendor chunk; module pages are split off by lazy routes.
    chunkSizeWarningLimit: 1600,
  },
});
