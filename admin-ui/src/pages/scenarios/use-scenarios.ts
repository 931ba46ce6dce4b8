// The scenarios with the rooms and devices they name, loaded together and kept live over
// the /staff socket (a scenario changed, a run finished, a device renamed).
import type { Device, Room, Scenario } from "@innbox/protocol";
import { useCallback, useEffect, useMemo, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { useInbox } from "../messenger/inbox";
import type { Names } from "./sentence";

export interface ScenarioData {
  scenarios: Scenario[] | null;
  rooms: Room[];
  devices: Device[];
  names: Names;
  loadError: string | null;
  reload(): Promise<void>;
  upsert(scenario: Scenario): void;
  remove(id: string): void;
}

export function useScenarios(): ScenarioData {
  const { api } = useSession();
  const { listen } = useInbox();
  const [scenarios, setScenarios] = useState<Scenario[] | null>(null);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [devices, setDevices] = useState<Device[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setScenarios(await api.listScenarios());
      setLoadError(null);
    } catch (caught) {
      setLoadError(toApiError(caught).message);
    }
  }, [api]);

  const upsert = useCallback(
    (scenario: Scenario) =>
      setScenarios((list) => {
        if (!list) return list;
        return list.some((known) => known.id === scenario.id) ? list.map((known) => (known.id === scenario.id ? scenario : known)) : [...list, scenario];
      }),
    [],
  );
  const remove = useCallback((id: string) => setScenarios((list) => list?.filter((known) => known.id !== id) ?? null), []);

  useEffect(() => {
    void reload();
    // Without names the sentences say "a removed device": the list still works.
    api.listRooms().then(setRooms, () => undefined);
    api.listDevices().then(setDevices, () => undefined);
    return listen({
      scenario: upsert,
      scenarioDeleted: ({ id }) => remove(id),
      device: (device) => setDevices((list) => (list.some((known) => known.id === device.id) ? list.map((known) => (known.id === device.id ? device : known)) : [...list, device])),
      reconnected: () => void reload(),
    });
  }, [api, listen, reload, upsert, remove]);

  const names = useMemo<Names>(() => ({ rooms, devices, scenarios: scenarios ?? [] }), [rooms, devices, scenarios]);
  return { scenarios, rooms, devices, names, loadError, reload, upsert, remove };
}
