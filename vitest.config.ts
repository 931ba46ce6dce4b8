import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["protocol/src/**/*.test.ts", "simulators/src/**/*.test.ts", "appliance/src/**/*.test.ts", "test/**/*.test.ts", "admin-ui/src/**/*.test.ts", "guest-ui/src/**/*.test.ts", "kiosk/src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Browser and process tests are heavy on a 2-core box; keep parallelism modest.
    maxWorkers: 2,
  },
});
