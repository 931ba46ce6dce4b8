import { webAppConfig } from "../scripts/web-app-vite-config";

// The appliance answers every /r/<slug> with dist/index.html and assets under /r/assets/.
export default webAppConfig(import.meta.url, "/r/");
