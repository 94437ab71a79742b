/// <reference types="vitest/config" />
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The C++ server serves web/dist with an SPA fallback, on the same origin as
// /api and /socket.io. In development Vite proxies both to a local server.
const target = process.env.MOCKMATE_DEV_API ?? 'http://127.0.0.1:8080';

// The server refuses cookie-authenticated changes (and socket handshakes) from a
// foreign Origin; through the dev proxy the page's origin is Vite's, so present
// the server's own origin instead.
const sameOrigin: ProxyOptions['configure'] = (proxy) => {
  proxy.on('proxyReq', (req) => {
    if (req.getHeader('origin')) req.setHeader('origin', target);
  });
  proxy.on('proxyReqWs', (req) => {
    if (req.getHeader('origin')) req.setHeader('origin', target);
  });
};

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target, changeOrigin: true, configure: sameOrigin },
      '/socket.io': { target, ws: true, changeOrigin: true, configure: sameOrigin },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
