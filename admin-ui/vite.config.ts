import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

// Resolve paths from this file so the build works from the repository root
// (`npx vite build --config admin-ui/vite.config.ts`) as well as from admin-ui/.
const root = decodeURIComponent(new URL(".", import.meta.url).pathname);

export default defineConfig({
  root,
  base: "/admin/",
  plugins: [preact()],
  publicDir: "public",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The appliance serves pages with `script-src 'self'`: keep every script in a file.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    // `npm run dev -w admin-ui` talks to an appliance running on the default port.
    proxy: { "/api": "http://localhost:8080", "/socket.io": { target: "http://localhost:8080", ws: true } },
  },
});
