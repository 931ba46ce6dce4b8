import type { Device, Room } from "@innbox/protocol";
import { useEffect, useState } from "preact/hooks";
import { toApiError } from "../../api/client";
import { useSession } from "../../app-context";
import { Alert } from "../../components/alert";
import { ConfirmDialog } from "../../components/confirm-dialog";
import { Icon } from "../../components/icon";
import { Page } from "../../components/page";
import { useInbox } from "../messenger/inbox";
import { t } from "../../messages";
import { DeviceCard } from "./device-card";
import { DeviceForm, type DevicePrefill } from "./device-form";
import { DevicesTabs } from "./devices-tabs";
import { DiscoverPanel } from "./discover-panel";
import { ImportPanel } from "./import-panel";
import { groupByRoom } from "./groups";

type Panel = { kind: "add"; prefill?: DevicePrefill } | { kind: "edit"; device: Device } | { kind: "discover" } | { kind: "import" } | null;

export function DevicesPage() {
  const { api, session } = useSession();
  const { listen } = useInbox();
  const isManager = session.user.role === "manager";
  const [devices, setDevices] = useState<Device[] | null>(null);
  const [rooms, setRooms] = useState<Room[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [panel, setPanel] = useState<Panel>(null);
  const [deleting, setDeleting] = useState<Device | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);

  const upsert = (device: Device) =>
    setDevices((list) => {
      if (!list) return list;
      return list.some((known) => known.id === device.id) ? list.map((known) => (known.id === device.id ? device : known)) : [...list, device];
    });

  useEffect(() => {
    const load = () =>
      api.listDevices().then(
        (list) => {
          setDevices(list);
          setLoadError(null);
        },
        (caught: unknown) => setLoadError(toApiError(caught).message),
      );
    void load();
    api.listRooms().then(setRooms, () => {
      // Without the rooms' names every device shows under "No room"; the list says why nothing else.
    });
    // Every change, whoever made it (a button pressed by hand, a scenario, a colleague),
    // over the /staff socket the inbox keeps open; after a drop, the list again.
    return listen({ device: upsert, reconnected: () => void load() });
  }, [api, listen]);

  const open = (next: Panel) => {
    setNotice(null);
    setPanel(next);
  };

  const onConfirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await api.deleteDevice(deleting.id);
      setDevices((list) => list?.filter((device) => device.id !== deleting.id) ?? null);
      setNotice(t.devices.deleted(deleting.name));
      if (panel?.kind === "edit" && panel.device.id === deleting.id) setPanel(null);
      setDeleting(null);
    } catch (caught) {
      setDeleteError(toApiError(caught).message);
    } finally {
      setDeleteBusy(false);
    }
  };

  const groups = devices ? groupByRoom(devices, rooms, t.devices.noRoom) : [];

  return (
    <Page title={t.devices.title} lead={isManager ? t.devices.lead : t.devices.staffLead}>
      <DevicesTabs current="devices" />
      {isManager ? (
        <div class="device-toolbar">
          <button type="button" class="button button-primary" onClick={() => open({ kind: "add" })}>
            <Icon name="plus" />
            {t.devices.add}
          </button>
          <button type="button" class="button" onClick={() => open({ kind: "discover" })}>
            {t.devices.discover}
          </button>
          <button type="button" class="button" onClick={() => open({ kind: "import" })}>
            {t.devices.import}
          </button>
        </div>
      ) : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}

      {isManager && panel ? (
        <div class="card device-panel-card">
          {panel.kind === "add" ? (
            <DeviceForm
              key={panel.prefill?.deviceId ?? "new"}
              rooms={rooms}
              prefill={panel.prefill}
              onSaved={(device) => {
                upsert(device);
                setPanel(null);
                setNotice(t.devices.added(device.name));
              }}
              onCancel={() => setPanel(null)}
            />
          ) : null}
          {panel.kind === "edit" ? (
            <DeviceForm
              key={panel.device.id}
              rooms={rooms}
              device={panel.device}
              onSaved={(device) => {
                upsert(device);
                setPanel(null);
                setNotice(t.devices.saved(device.name));
              }}
              onCancel={() => setPanel(null)}
            />
          ) : null}
          {panel.kind === "discover" ? <DiscoverPanel devices={devices ?? []} onAdd={(prefill) => open({ kind: "add", prefill })} onClose={() => setPanel(null)} /> : null}
          {panel.kind === "import" ? <ImportPanel onImported={(added) => added.forEach(upsert)} onClose={() => setPanel(null)} /> : null}
        </div>
      ) : null}

      {loadError ? <Alert kind="error">{loadError}</Alert> : null}
      {!devices && !loadError ? <p role="status">{t.app.loading}</p> : null}
      {devices && devices.length === 0 ? <p class="card card-pad muted">{isManager ? t.devices.emptyManager : t.devices.emptyStaff}</p> : null}

      {groups.map((group) => (
        <section key={group.id} class="device-group" aria-labelledby={`group-${group.id}`}>
          <h2 id={`group-${group.id}`} class="device-group-title">
            {group.name}
            <span class="count">{group.devices.length}</span>
          </h2>
          <ul class="device-grid plain-list">
            {group.devices.map((device) => (
              <DeviceCard
                key={device.id}
                device={device}
                isManager={isManager}
                onChanged={upsert}
                onEdit={() => open({ kind: "edit", device })}
                onDelete={() => {
                  setDeleteError(null);
                  setDeleting(device);
                }}
              />
            ))}
          </ul>
        </section>
      ))}

      {deleting ? (
        <ConfirmDialog
          title={t.devices.confirmTitle(deleting.name)}
          confirmLabel={deleteBusy ? t.devices.deleting : t.devices.confirmDelete}
          cancelLabel={t.devices.cancel}
          busy={deleteBusy}
          danger
          onConfirm={onConfirmDelete}
          onCancel={() => setDeleting(null)}
        >
          <p>{t.devices.confirmBody}</p>
          {deleteError ? <Alert kind="error">{deleteError}</Alert> : null}
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
