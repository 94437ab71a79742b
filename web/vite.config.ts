/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type ProxyOptions } from 'vite';
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

// The service worker (src/sw/sw.ts) must be served from the site root so that its scope is `/`,
// as one classic script (module service workers are not everywhere yet). It is bundled apart
// from the app into an IIFE: dist/sw.js in a build, /sw.js from memory in development.
const swEntry = fileURLToPath(new URL('./src/sw/sw.ts', import.meta.url));

async function bundleServiceWorker(minify: boolean): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      write: false,
      minify,
      sourcemap: false,
      emptyOutDir: false,
      lib: { entry: swEntry, formats: ['iife'], name: 'mockmateServiceWorker', fileName: () => 'sw.js' },
    },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!('output' in result)) throw new Error('the service worker build produced no output');
  return result.output[0].code;
}

function serviceWorker(): Plugin {
  return {
    name: 'mockmate-service-worker',
    configureServer(server) {
      server.middlewares.use('/sw.js', (_req, res, next) => {
        bundleServiceWorker(false).then((code) => {
          res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          res.setHeader('Cache-Control', 'no-cache');
          res.end(code);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: await bundleServiceWorker(true) });
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorker()],
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
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
