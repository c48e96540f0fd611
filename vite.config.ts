import { defineConfig } from 'vite';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { precompressDir } from './src/server/http/precompress';

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** Once the files are written: a .br and a .gz beside each text file, which the server sends as they are. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'lantern-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = path.resolve(config.root, config.build.outDir)),
    closeBundle() {
      const r = precompressDir(outDir);
      console.log(`precompressed ${r.files} files: ${kB(r.bytes)} → brotli ${kB(r.brotli)}, gzip ${kB(r.gzip)}`);
    },
  };
}

// The web app lives in web/; `npm run build` writes web/dist, which the server serves.
// `npm run dev:web` proxies /api to a server started with `npm run dev`.
export default defineConfig({
  root: 'web',
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite warns above this (minified, before gzip); the first page must stay under 500 kB compressed.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        // Each route's page is its own chunk (routes/tree.tsx); the libraries are split out so that they
        // are cached across releases and the pages that do not draw charts never download ECharts.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 20 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
