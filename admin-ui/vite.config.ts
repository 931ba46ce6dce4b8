import { webAppConfig } from "../scripts/web-app-vite-config";

// The appliance serves the admin page under /admin/.
export default webAppConfig(import.meta.url, "/admin/");
