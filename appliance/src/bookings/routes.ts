import { AddRoomCalendarBody, CalendarBlockList, RoomCalendar, RoomCalendarList, Booking, BookingList, CreateBookingBody, CreateRoomBody, IdParams, ListBookingsQuery, RoomAnswer, RoomList, UpdateBookingBody, UpdateRoomBody } from "@innbox/protocol";
import { z } from "zod";
import { AppError, type RouteRegistry } from "../http/index.js";
import type { BookingsService } from "./bookings-service.js";
import { bookingsTexts as texts } from "./messages.js";

export function registerBookingsRoutes(registry: RouteRegistry, bookings: BookingsService): void {
  const tag = "Rooms and bookings";

  registry.add({
    method: "get",
    path: "/api/rooms",
    operationId: "listRooms",
    summary: texts.listRoomsSummary,
    tag,
    access: "signed-in",
    responses: { 200: { description: texts.listRoomsAnswer, schema: RoomList } },
    handler: async ({ user }) => ({ rooms: await bookings.listRooms(user?.role === "manager") }),
  });
  registry.add({
    method: "post",
    path: "/api/rooms",
    operationId: "createRoom",
    summary: texts.createRoomSummary,
    tag,
    access: "manager",
    body: CreateRoomBody,
    responses: { 201: { description: texts.createRoomAnswer, schema: RoomAnswer }, 409: { description: "The tag is another room's." } },
    handler: async ({ body }) => ({ room: await bookings.createRoom(body) }),
  });
  registry.add({
    method: "patch",
    path: "/api/rooms/:id",
    operationId: "updateRoom",
    summary: texts.updateRoomSummary,
    tag,
    access: "manager",
    params: IdParams,
    body: UpdateRoomBody,
    responses: { 200: { description: texts.updateRoomAnswer, schema: RoomAnswer }, 409: { description: "The tag is another room's." } },
    handler: async ({ params, body }) => ({ room: await bookings.updateRoom(params.id, body) }),
  });
  registry.add({
    method: "delete",
    path: "/api/rooms/:id",
    operationId: "deleteRoom",
    summary: texts.deleteRoomSummary,
    tag,
    access: "manager",
    params: IdParams,
    responses: { 204: { description: texts.deleteRoomAnswer }, 409: { description: "The room has bookings." } },
    handler: async ({ params, res }) => {
      await bookings.deleteRoom(params.id);
      res.status(204).end();
    },
  });

  registry.add({
    method: "get",
    path: "/api/ical/:file",
    operationId: "exportRoomCalendar",
    summary: texts.exportSummary,
    tag,
    access: "public",
    params: z.object({ file: z.string().max(80) }),
    responses: { 200: { description: texts.exportAnswer, contentType: ["text/calendar"] }, 404: { description: texts.exportUnknown } },
    handler: async ({ params, res }) => {
      const calendar = await bookings.exportCalendar(params.file.replace(/\.ics$/, ""));
      if (calendar === null) throw AppError.notFound(texts.exportUnknown);
      // The platforms poll it; each poll must see the stays as they are now.
      res.set({ "Content-Type": "text/calendar; charset=utf-8", "Cache-Control": "no-cache" });
      res.status(200).send(calendar);
    },
  });

  registry.add({
    method: "get",
    path: "/api/bookings",
    operationId: "listBookings",
    summary: texts.listBookingsSummary,
    tag,
    access: "signed-in",
    query: ListBookingsQuery,
    responses: { 200: { description: texts.listBookingsAnswer, schema: BookingList } },
    handler: async ({ query }) => ({ bookings: await bookings.listBookings(query) }),
  });
  registry.add({
    method: "post",
    path: "/api/bookings",
    operationId: "createBooking",
    summary: texts.createBookingSummary,
    tag,
    access: "signed-in",
    body: CreateBookingBody,
    responses: { 201: { description: texts.createBookingAnswer, schema: Booking }, 409: { description: "Another confirmed stay has a night in the room in common." } },
    handler: ({ body }) => bookings.createBooking(body),
  });
  registry.add({
    method: "patch",
    path: "/api/bookings/:id",
    operationId: "updateBooking",
    summary: texts.updateBookingSummary,
    tag,
    access: "signed-in",
    params: IdParams,
    body: UpdateBookingBody,
    responses: { 200: { description: texts.updateBookingAnswer, schema: Booking }, 409: { description: "Another confirmed stay has a night in the room in common." } },
    handler: ({ params, body }) => bookings.updateBooking(params.id, body),
  });
  registry.add({
    method: "delete",
    path: "/api/bookings/:id",
    operationId: "deleteBooking",
    summary: texts.deleteBookingSummary,
    tag,
    access: "signed-in",
    params: IdParams,
    responses: { 204: { description: texts.deleteBookingAnswer } },
    handler: async ({ params, res }) => {
      await bookings.deleteBooking(params.id);
      res.status(204).end();
    },
  });

  registry.add({
    method: "get",
    path: "/api/rooms/:id/calendars",
    operationId: "listRoomCalendars",
    summary: texts.listCalendarsSummary,
    tag,
    access: "manager",
    params: IdParams,
    responses: { 200: { description: texts.listCalendarsAnswer, schema: RoomCalendarList } },
    handler: async ({ params }) => ({ calendars: await bookings.listCalendars(params.id) }),
  });
  registry.add({
    method: "post",
    path: "/api/rooms/:id/calendars",
    operationId: "addRoomCalendar",
    summary: texts.addCalendarSummary,
    tag,
    access: "manager",
    params: IdParams,
    body: AddRoomCalendarBody,
    responses: { 201: { description: texts.addCalendarAnswer, schema: RoomCalendar }, 409: { description: texts.calendarTaken } },
    handler: ({ params, body }) => bookings.addCalendar(params.id, body.url),
  });
  registry.add({
    method: "delete",
    path: "/api/calendars/:id",
    operationId: "deleteRoomCalendar",
    summary: texts.deleteCalendarSummary,
    tag,
    access: "manager",
    params: IdParams,
    responses: { 204: { description: texts.deleteCalendarAnswer } },
    handler: async ({ params, res }) => {
      await bookings.deleteCalendar(params.id);
      res.status(204).end();
    },
  });
  registry.add({
    method: "post",
    path: "/api/calendars/:id/sync",
    operationId: "syncCalendar",
    summary: texts.syncCalendarSummary,
    tag,
    access: "manager",
    params: IdParams,
    responses: { 200: { description: texts.syncCalendarAnswer, schema: RoomCalendar } },
    handler: ({ params }) => bookings.syncCalendar(params.id),
  });
  registry.add({
    method: "get",
    path: "/api/calendar-blocks",
    operationId: "listCalendarBlocks",
    summary: texts.listBlocksSummary,
    tag,
    access: "signed-in",
    query: ListBookingsQuery,
    responses: { 200: { description: texts.listBlocksAnswer, schema: CalendarBlockList } },
    handler: async ({ query }) => ({ blocks: await bookings.listBlocks(query) }),
  });
}
