import { CreateDeviceBody, DeviceAnswer, DeviceList, DiscoveryAnswer, IdParams, ImportAnswer, ImportDevicesBody, SetDeviceStateBody, UpdateDeviceBody } from "@innbox/protocol";
import type { RouteRegistry } from "../http/index.js";
import type { DevicesService } from "./devices-service.js";
import { devicesTexts as texts } from "./messages.js";

export function registerDevicesRoutes(registry: RouteRegistry, devices: DevicesService): void {
  const tag = "Devices";
  registry.add({
    method: "get",
    path: "/api/devices",
    operationId: "listDevices",
    summary: texts.listSummary,
    tag,
    access: "signed-in",
    responses: { 200: { description: texts.listAnswer, schema: DeviceList } },
    handler: async () => ({ devices: await devices.list() }),
  });
  registry.add({
    method: "post",
    path: "/api/devices",
    operationId: "createDevice",
    summary: texts.createSummary,
    tag,
    access: "manager",
    body: CreateDeviceBody,
    responses: { 201: { description: texts.createAnswer, schema: DeviceAnswer }, 409: { description: "The vendor's device id is another device's." } },
    handler: async ({ body }) => ({ device: await devices.create(body) }),
  });
  registry.add({
    method: "post",
    path: "/api/devices/import",
    operationId: "importDevices",
    summary: texts.importSummary,
    tag,
    access: "manager",
    body: ImportDevicesBody,
    responses: { 200: { description: texts.importAnswer, schema: ImportAnswer } },
    handler: ({ body }) => devices.importDevices(body),
  });
  registry.add({
    method: "post",
    path: "/api/devices/discover",
    operationId: "discoverDevices",
    summary: texts.discoverSummary,
    tag,
    access: "manager",
    responses: { 200: { description: texts.discoverAnswer, schema: DiscoveryAnswer } },
    handler: () => devices.discover(),
  });
  registry.add({
    method: "patch",
    path: "/api/devices/:id",
    operationId: "updateDevice",
    summary: texts.updateSummary,
    tag,
    access: "manager",
    params: IdParams,
    body: UpdateDeviceBody,
    responses: { 200: { description: texts.updateAnswer, schema: DeviceAnswer } },
    handler: async ({ params, body }) => ({ device: await devices.update(params.id, body) }),
  });
  registry.add({
    method: "delete",
    path: "/api/devices/:id",
    operationId: "deleteDevice",
    summary: texts.deleteSummary,
    tag,
    access: "manager",
    params: IdParams,
    responses: { 204: { description: texts.deleteAnswer } },
    handler: async ({ params, res }) => {
      await devices.remove(params.id);
      res.status(204).end();
    },
  });
  registry.add({
    method: "post",
    path: "/api/devices/:id/state",
    operationId: "setDeviceState",
    summary: texts.setStateSummary,
    tag,
    access: "signed-in",
    params: IdParams,
    body: SetDeviceStateBody,
    responses: {
      200: { description: texts.setStateAnswer, schema: DeviceAnswer },
      502: { description: "The device refused (a wrong key, a value it does not take)." },
      504: { description: "The device did not confirm within 15 s." },
    },
    handler: async ({ params, body }) => ({ device: await devices.setState(params.id, body) }),
  });
}
