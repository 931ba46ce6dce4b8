import type {
  CallLogEntry,
  Kiosk,
  KioskPairing,
  KioskSettings,
  KioskSettingsInput,
  AddRoomCalendarBody,
  Booking,
  CalendarBlock,
  ChatMessage,
  CreateBookingBody,
  CreateDeviceBody,
  Device,
  EnergyReport,
  SetDeviceStateBody,
  UpdateDeviceBody,
  CreateRoomBody,
  CreateScenarioBody,
  Scenario,
  ScenarioRun,
  UpdateScenarioBody,
  Room,
  RoomCalendar,
  UpdateBookingBody,
  UpdateRoomBody,
  ChatSettings,
  ConversationDetail,
  ConversationListItem,
  CreatePlaceBody,
  CreateTeamMemberBody,
  OrderPlacesBody,
  Place,
  PlaceCategory,
  PlaceDirectory,
  DutyStatus,
  LoginBody,
  Property,
  ReceptionLink,
  ReceptionLogoInfo,
  RenderStickersBody,
  SessionInfo,
  SetupBody,
  SetupStatus,
  TeamList,
  TeamMember,
  TelegramLink,
  TelegramLinkStatus,
  TelegramSettings,
  UpdatePlaceBody,
  UpdatePropertyBody,
  UpdateTeamMemberBody,
  StickerDesignBody,
  WeatherStatus,
  WorkingHours,
} from "@innbox/protocol";
import type { ReceptionSettings } from "@innbox/protocol/reception-view";
import { ApiError, apiFetch, type ApiWords } from "@innbox/protocol/web/api-fetch";
import { t } from "../messages";

export { ApiError };
export type { DutyStatus, TelegramLinkStatus };

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, t.errors.network);
}

const WORDS: ApiWords = { network: t.errors.network, unexpected: t.errors.unexpected };

interface RequestOptions {
  /** A 401 here means "wrong credentials", not "the session ended". */
  credentialsRequest?: boolean;
}

export interface ApiClientOptions {
  /** Called when a signed-in request is answered 401: the session expired or was revoked. */
  onSessionEnded: () => void;
}

export function createApiClient({ onSessionEnded }: ApiClientOptions) {
  let csrfToken: string | null = null;

  async function request<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = method !== "GET" && csrfToken ? { "X-CSRF-Token": csrfToken } : {};
    try {
      return await apiFetch<T>({ method, path, body, headers, credentials: "same-origin" }, WORDS);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && !options.credentialsRequest) onSessionEnded();
      throw error;
    }
  }

  /** A request whose body or answer is not JSON (an image upload, a PDF); refusals as ApiError. */
  async function binary(method: string, path: string, body: Blob | string, contentType: string): Promise<Response> {
    const headers: Record<string, string> = { "Content-Type": contentType, Accept: "application/json, application/pdf" };
    if (csrfToken) headers["X-CSRF-Token"] = csrfToken;
    let res: Response;
    try {
      res = await fetch(path, { method, headers, body, credentials: "same-origin" });
    } catch {
      throw new ApiError(0, t.errors.network);
    }
    if (res.ok) return res;
    let answer: { error?: string; details?: ApiError["details"] } = {};
    try {
      answer = (await res.json()) as typeof answer;
    } catch {
      // Not the appliance's error body (a proxy's page): the generic sentence below.
    }
    if (res.status === 401) onSessionEnded();
    throw new ApiError(res.status, answer.error ?? t.errors.unexpected(res.status), answer.details ?? []);
  }

  return {
    setCsrfToken(token: string | null): void {
      csrfToken = token;
    },

    getSetupStatus: () => request<SetupStatus>("GET", "/api/setup"),
    setup: (body: SetupBody) => request<SessionInfo>("POST", "/api/setup", body, { credentialsRequest: true }),

    login: (body: LoginBody) => request<SessionInfo>("POST", "/api/auth/login", body, { credentialsRequest: true }),
    logout: () => request<void>("POST", "/api/auth/logout", undefined, { credentialsRequest: true }),
    /** The current session, or null when nobody is signed in on this browser. */
    async getSession(): Promise<SessionInfo | null> {
      try {
        return await request<SessionInfo>("GET", "/api/auth/session", undefined, { credentialsRequest: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },

    getProperty: () => request<Property>("GET", "/api/property"),
    updateProperty: (body: UpdatePropertyBody) => request<Property>("PATCH", "/api/property", body),

    /** The guests' link for a room or place (`tag`), or the plain link without one. */
    getReceptionLink: (tag?: string) =>
      request<ReceptionLink>("GET", `/api/reception/link${tag ? `?tag=${encodeURIComponent(tag)}` : ""}`),

    getReception: () => request<ReceptionSettings>("GET", "/api/reception"),
    getWeatherStatus: () => request<WeatherStatus>("GET", "/api/weather"),
    refreshWeather: () => request<WeatherStatus>("POST", "/api/weather/refresh"),
    updateReception: (settings: ReceptionSettings) => request<ReceptionSettings>("PUT", "/api/reception", settings),

    listPlaces: () => request<PlaceDirectory>("GET", "/api/places"),
    createPlace: (body: CreatePlaceBody) => request<Place>("POST", "/api/places", body),
    updatePlace: (id: string, body: UpdatePlaceBody) => request<Place>("PATCH", `/api/places/${encodeURIComponent(id)}`, body),
    deletePlace: (id: string) => request<void>("DELETE", `/api/places/${encodeURIComponent(id)}`),
    orderPlaces: (body: OrderPlacesBody) => request<PlaceDirectory>("PUT", "/api/places/order", body),
    renamePlaceCategory: (id: string, name: string) =>
      request<PlaceCategory>("PATCH", `/api/place-categories/${encodeURIComponent(id)}`, { name }),

    getStickerDesign: () => request<StickerDesign>("GET", "/api/reception/stickers/design"),
    updateStickerDesign: (design: StickerDesignBody) => request<StickerDesign>("PUT", "/api/reception/stickers/design", design),
    /** The print as a PDF file. */
    renderStickers: async (body: RenderStickersBody) => (await binary("POST", "/api/reception/stickers", JSON.stringify(body), "application/json")).blob(),
    /** The file as it is; the appliance reads its type from its bytes. */
    uploadLogo: async (file: Blob) => (await (await binary("POST", "/api/reception/logo", file, file.type || "application/octet-stream")).json()) as ReceptionLogoInfo,
    deleteLogo: () => request<void>("DELETE", "/api/reception/logo"),

    listRooms: async () => (await request<{ rooms: Room[] }>("GET", "/api/rooms")).rooms,
    createRoom: async (body: CreateRoomBody) => (await request<{ room: Room }>("POST", "/api/rooms", body)).room,
    updateRoom: async (id: string, body: UpdateRoomBody) => (await request<{ room: Room }>("PATCH", `/api/rooms/${encodeURIComponent(id)}`, body)).room,
    deleteRoom: (id: string) => request<void>("DELETE", `/api/rooms/${encodeURIComponent(id)}`),
    /** Stays overlapping the days `from` to `to` (check-out after `from`, check-in on or before `to`), cancelled ones too. */
    listBookings: async (range: { from?: string; to?: string; roomId?: string }) =>
      (await request<{ bookings: Booking[] }>("GET", `/api/bookings?${new URLSearchParams(range as Record<string, string>)}`)).bookings,
    createBooking: (body: CreateBookingBody) => request<Booking>("POST", "/api/bookings", body),
    updateBooking: (id: string, body: UpdateBookingBody) => request<Booking>("PATCH", `/api/bookings/${encodeURIComponent(id)}`, body),
    deleteBooking: (id: string) => request<void>("DELETE", `/api/bookings/${encodeURIComponent(id)}`),
    /** The ranges the platforms closed that are not stays, overlapping the days `from` to `to`. */
    listCalendarBlocks: async (range: { from: string; to: string }) =>
      (await request<{ blocks: CalendarBlock[] }>("GET", `/api/calendar-blocks?${new URLSearchParams(range)}`)).blocks,
    listRoomCalendars: async (roomId: string) =>
      (await request<{ calendars: RoomCalendar[] }>("GET", `/api/rooms/${encodeURIComponent(roomId)}/calendars`)).calendars,
    addRoomCalendar: (roomId: string, body: AddRoomCalendarBody) =>
      request<RoomCalendar>("POST", `/api/rooms/${encodeURIComponent(roomId)}/calendars`, body),
    deleteRoomCalendar: (id: string) => request<void>("DELETE", `/api/calendars/${encodeURIComponent(id)}`),
    syncCalendar: (id: string) => request<RoomCalendar>("POST", `/api/calendars/${encodeURIComponent(id)}/sync`),

    listDevices: async () => (await request<{ devices: Device[] }>("GET", "/api/devices")).devices,
    createDevice: async (body: CreateDeviceBody) => (await request<{ device: Device }>("POST", "/api/devices", body)).device,
    updateDevice: async (id: string, body: UpdateDeviceBody) =>
      (await request<{ device: Device }>("PATCH", `/api/devices/${encodeURIComponent(id)}`, body)).device,
    deleteDevice: (id: string) => request<void>("DELETE", `/api/devices/${encodeURIComponent(id)}`),
    /** Answers once the device confirmed; refusals and timeouts (502, 504) carry the device's sentence. */
    setDeviceState: async (id: string, body: SetDeviceStateBody) =>
      (await request<{ device: Device }>("POST", `/api/devices/${encodeURIComponent(id)}/state`, body)).device,
    /** Listens on the LAN for a few seconds. */
    discoverDevices: () => request<{ devices: DiscoveredDevice[]; seconds: number }>("POST", "/api/devices/discover"),
    /** Tuya's tools' export, as it is. */
    importDevices: (exported: unknown) =>
      request<{ devices: Device[]; skipped: Array<{ name: string; reason: string }> }>("POST", "/api/devices/import", exported),

    /** Hours on per room and day; `from` absent: the week ending today. */
    getEnergyReport: (from?: string, days = 7) => request<EnergyReport>("GET", `/api/energy?${new URLSearchParams({ ...(from ? { from } : {}), days: String(days) })}`),
    listScenarios: async () => (await request<{ scenarios: Scenario[] }>("GET", "/api/scenarios")).scenarios,
    createScenario: async (body: CreateScenarioBody) => (await request<{ scenario: Scenario }>("POST", "/api/scenarios", body)).scenario,
    updateScenario: async (id: string, body: UpdateScenarioBody) =>
      (await request<{ scenario: Scenario }>("PATCH", `/api/scenarios/${encodeURIComponent(id)}`, body)).scenario,
    deleteScenario: (id: string) => request<void>("DELETE", `/api/scenarios/${encodeURIComponent(id)}`),
    /** Starts a run at once (202); the run shows in the log. */
    runScenario: async (id: string) => (await request<{ runId: string }>("POST", `/api/scenarios/${encodeURIComponent(id)}/run`)).runId,
    /** The runs of a scenario as edited, saved or not, from 00:00 on `from` (today when absent) for `days` days. */
    previewScenario: (scenario: CreateScenarioBody, range: { from?: string; days?: number }) =>
      request<ScenarioPreview>("POST", "/api/scenarios/preview", { scenario, ...range }),
    listScenarioRuns: async (query: { scenarioId?: string; limit?: number }) =>
      (
        await request<{ runs: ScenarioRun[] }>(
          "GET",
          `/api/scenario-runs?${new URLSearchParams(Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]))}`,
        )
      ).runs,

    listTeam: async () => (await request<TeamList>("GET", "/api/team")).members,
    createMember: (body: CreateTeamMemberBody) => request<TeamMember>("POST", "/api/team", body),
    updateMember: (id: string, body: UpdateTeamMemberBody) =>
      request<TeamMember>("PATCH", `/api/team/${encodeURIComponent(id)}`, body),
    deleteMember: (id: string) => request<void>("DELETE", `/api/team/${encodeURIComponent(id)}`),

    listConversations: async () =>
      (await request<{ conversations: ConversationListItem[] }>("GET", "/api/conversations")).conversations,
    /** Opening a conversation marks the guest's messages as delivered. */
    getConversation: (id: string) => request<ConversationDetail>("GET", `/api/conversations/${encodeURIComponent(id)}`),
    sendStaffMessage: async (id: string, text: string, clientId: string) =>
      (await request<{ message: ChatMessage }>("POST", `/api/conversations/${encodeURIComponent(id)}/messages`, { text, clientId }))
        .message,
    /** Links the conversation to a booking (null unlinks); answers with the conversation. */
    linkConversationBooking: (id: string, bookingId: string | null) =>
      request<ConversationListItem>("PUT", `/api/conversations/${encodeURIComponent(id)}/booking`, { bookingId }),
    getDuty: () => request<DutyStatus>("GET", "/api/chat/duty"),
    setDuty: (onDuty: boolean) => request<DutyStatus>("PUT", "/api/chat/duty", { onDuty }),

    getWorkingHours: () => request<WorkingHours>("GET", "/api/chat/working-hours"),
    setWorkingHours: (hours: WorkingHours) => request<WorkingHours>("PUT", "/api/chat/working-hours", hours),
    getChatSettings: () => request<ChatSettings>("GET", "/api/chat/settings"),
    setChatSettings: (settings: ChatSettings) => request<ChatSettings>("PUT", "/api/chat/settings", settings),

    getTelegram: () => request<TelegramSettings>("GET", "/api/telegram"),
    /** null removes the token set in the admin page. */
    setTelegramToken: (token: string | null) => request<TelegramSettings>("PUT", "/api/telegram/token", { token }),
    getMemberTelegram: (id: string) => request<TelegramLinkStatus>("GET", `/api/team/${encodeURIComponent(id)}/telegram`),
    createTelegramLink: (id: string) => request<TelegramLink>("POST", `/api/team/${encodeURIComponent(id)}/telegram-link`),
    unlinkTelegram: (id: string) => request<void>("DELETE", `/api/team/${encodeURIComponent(id)}/telegram`),

    listKiosks: () => request<{ kiosks: Kiosk[] }>("GET", "/api/kiosks"),
    createKiosk: (name: string) => request<KioskPairing>("POST", "/api/kiosks", { name }),
    newKioskCode: (id: string) => request<KioskPairing>("POST", `/api/kiosks/${encodeURIComponent(id)}/pairing-code`),
    renameKiosk: (id: string, name: string) => request<Kiosk>("PATCH", `/api/kiosks/${encodeURIComponent(id)}`, { name }),
    reloadKiosk: (id: string) => request<{ connected: boolean }>("POST", `/api/kiosks/${encodeURIComponent(id)}/reload`),
    revokeKiosk: (id: string) => request<void>("DELETE", `/api/kiosks/${encodeURIComponent(id)}`),
    getKioskSettings: () => request<KioskSettings>("GET", "/api/kiosk-settings"),
    setKioskSettings: (settings: KioskSettingsInput) => request<KioskSettings>("PUT", "/api/kiosk-settings", settings),
    listCalls: () => request<{ calls: CallLogEntry[] }>("GET", "/api/calls"),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** A device that answered on the LAN, as discoverDevices lists it. */
export interface DiscoveredDevice {
  protocol: "tuya" | "ewelink";
  deviceId: string;
  ip: string;
  version?: "3.1" | "3.3" | "3.4" | "3.5";
  encrypted?: boolean;
  /** The id of the registered device it is, if any. */
  knownAs?: string;
}

/** What previewScenario answers: the runs in order, in the property's timezone. */
export interface ScenarioPreview {
  runs: Array<{ at: string; trigger: Scenario["triggers"][number]; triggerIndex: number; bookingId?: string; roomId?: string; conditionsMet: boolean | null }>;
  timeZone: string;
  from: string;
  days: number;
}

/** The sticker design with the logo's details, as getStickerDesign answers. */
export type StickerDesign = StickerDesignBody & { logo: ReceptionLogoInfo | null };

/** Where the QR code of a room's link is: an image address the browser fetches with the session. */
export function receptionQrUrl(tag: string, format: "png" | "svg"): string {
  const query = new URLSearchParams({ ...(tag ? { tag } : {}), format });
  return `/api/reception/qr?${query}`;
}
