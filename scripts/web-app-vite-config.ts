// The Vite config both web apps (admin-ui, guest-ui) build with.
import preact from "@preact/preset-vite";
import { defineConfig, type UserConfig } from "vite";

/**
 * `appConfigUrl` is the app's own vite.config.ts (its import.meta.url): paths resolve from
 * there, so a build works from the repository root (`npx vite build --config
 * admin-ui/vite.config.ts`) as well as from the app's folder. `base` is where the
 * appliance serves the app.
 */
export function webAppConfig(appConfigUrl: string, base: string): UserConfig {
  return defineConfig({
    root: decodeURIComponent(new URL(".", appConfigUrl).pathname),
    base,
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
      // `npm run dev -w <app>` talks to an appliance running on the default port.
      proxy: { "/api": "http://localhost:8080", "/socket.io": { target: "http://localhost:8080", ws: true } },
    },
  });
}
