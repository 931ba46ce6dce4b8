import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// Resolve paths from this file so the build works from the repository root
// (`npx vite build --config guest-ui/vite.config.ts`) as well as from guest-ui/.
const root = decodeURIComponent(new URL(".", import.meta.url).pathname);

export default defineConfig({
  root,
  // The appliance answers every /r/<slug> with dist/index.html and assets under /r/assets/.
  base: "/r/",
  plugins: [preact()],
  publicDir: "public",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Pages are served with `script-src 'self'; style-src 'self'`: keep everything in files.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    // `npm run dev -w guest-ui` talks to an appliance running on the default port.
    proxy: {
      "/api": "http://localhost:8080",
      "/socket.io": { target: "http://localhost:8080", ws: true },
    },
  },
});
