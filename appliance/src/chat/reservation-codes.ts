import { AppError, MissLimiter } from "../http/index.js";
import type { ConversationBookings } from "./conversation-bookings.js";
import { chatTexts } from "./messages.js";

/** Wrong reservation codes one address may try in a quarter of an hour before it must wait. */
export const RESERVATION_MISSES_MAX = 5;
export const RESERVATION_MISS_WINDOW_MS = 15 * 60_000;

/**
 * Reservation codes typed by guests: found, or a 404; guessing is slowed per client address
 * (after five misses in fifteen minutes, every attempt is 429 until the oldest miss ages out).
 */
export class ReservationCodes {
  private readonly limit: MissLimiter;

  constructor(
    private readonly bookings: ConversationBookings,
    private readonly reservations: { idForCode(code: string): Promise<string | undefined> },
    clock: () => number,
  ) {
    this.limit = new MissLimiter(RESERVATION_MISSES_MAX, RESERVATION_MISS_WINDOW_MS, clock, chatTexts.tooManyReservationCodes);
  }

  /** The booking's id for `code` typed from `address`; throws 404 (counted) or 429. */
  async bookingFor(address: string, code: string): Promise<string> {
    this.limit.check(address);
    const id = await this.reservations.idForCode(code);
    if (id) return id;
    this.limit.miss(address);
    throw AppError.notFound(chatTexts.unknownReservationCode);
  }

  /** Links the guest's conversation to the booking the code names. */
  async link(address: string, conversationId: string, code: string) {
    const bookingId = await this.bookingFor(address, code);
    await this.bookings.link(conversationId, bookingId);
  }
}
