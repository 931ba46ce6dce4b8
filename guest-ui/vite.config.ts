import { webAppConfig } from "../scripts/web-app-vite-config";

// The appliance answers every /r/<slug> with dist/index.html and /kiosk with dist/kiosk.html;
// both pages' assets are under /r/assets/.
const config = webAppConfig(import.meta.url, "/r/");
const root = decodeURIComponent(new URL(".", import.meta.url).pathname);
config.build = { ...config.build, rollupOptions: { input: { index: `${root}index.html`, kiosk: `${root}kiosk.html` } } };
export default config;
