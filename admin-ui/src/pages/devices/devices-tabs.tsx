import { Link } from "../../components/link";
import { t } from "../../messages";

/** Between the devices and their Energy view. */
export function DevicesTabs({ current }: { current: "devices" | "energy" }) {
  return (
    <nav class="tabs" aria-label={t.energy.tabsLabel}>
      <ul>
        <li>
          <Link to="/devices" class="tab" current={current === "devices"}>
            {t.energy.devicesTab}
          </Link>
        </li>
        <li>
          <Link to="/devices/energy" class="tab" current={current === "energy"}>
            {t.energy.energyTab}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
