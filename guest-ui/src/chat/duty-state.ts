// Whether someone is on duty, and the email the guest leaves for answers outside working
// hours. Before the conversation exists the property tells about duty, and an email the
// guest gives is kept in the record; it is stored on the conversation right after the
// first message (or when the page is back, if it could not be then).
import type { GuestConversationInfo } from "@innbox/protocol";
import { ApiError, type Duty } from "../api/guest-api";
import type { ChatContext, RequestOutcome } from "./chat-types";

export interface DutyStateHost extends ChatContext, RequestOutcome {
  /** Numbers a request about the conversation: answers can cross, the one asked last wins. */
  askInfo(): number;
  showInfo(info: GuestConversationInfo, asked: number): void;
}

export class DutyState {
  private propertyDuty: Duty | null;
  private sendingEmail = false;
  private emailRefused: string | null = null;

  constructor(private readonly host: DutyStateHost) {
    const duty = host.deps.duty;
    this.propertyDuty = duty ? { onDuty: duty.onDuty, offHoursNotice: duty.offHoursNotice, backAt: duty.backAt } : null;
  }

  private get record() {
    return this.host.record;
  }

  // --- on duty ---

  /** Before a conversation exists, the property tells whether someone is on duty. */
  async refreshDuty(): Promise<void> {
    if (this.record.token || this.host.isStopped()) return;
    try {
      const { onDuty, offHoursNotice, backAt } = await this.host.deps.api.getProperty(this.host.deps.slug, this.host.deps.language);
      if (this.record.token) return;
      this.propertyDuty = { onDuty, offHoursNotice, backAt };
      this.host.changed();
    } catch {
      // Best effort: what the page last heard stands until the next try.
    }
  }

  duty(info: GuestConversationInfo | null, loading: boolean): Duty | null {
    // A stored conversation's answer is awaited; a new one's is not there yet, so the
    // property's stands until it is (no flicker while the first message goes out).
    return info ?? (this.record.token && loading ? null : this.propertyDuty);
  }

  // --- the guest's email ---

  setDraftEmail(email: string): void {
    const trimmed = email.trim();
    if (trimmed) this.record.email = trimmed;
    else delete this.record.email;
    this.emailRefused = null;
    this.host.save();
    this.host.changed();
  }

  /** Stores on the conversation the email saved before it existed. */
  async sendDraftEmail(): Promise<void> {
    const { token, email } = this.record;
    if (!token || !email || this.sendingEmail || this.host.isStopped()) return;
    this.sendingEmail = true;
    const asked = this.host.askInfo();
    try {
      const info = await this.host.deps.api.updateConversation(token, { email });
      if (token !== this.record.token) return;
      this.host.answered();
      this.host.showInfo(info, asked);
      if (this.record.email === email) delete this.record.email;
      this.host.save();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        // Not an email address to the appliance: the page asks for it again.
        if (this.record.email === email) delete this.record.email;
        this.emailRefused = email;
        this.host.save();
      } else {
        // Offline or the like: tried again when the connection returns or the page is back.
        this.host.failedRequest(error, token);
      }
    } finally {
      this.sendingEmail = false;
      this.host.changed();
    }
  }

  /** The conversation took an email from the guest (the caller saves the record). */
  emailStored(): void {
    // Stored now, over any email still waiting from before the first message.
    delete this.record.email;
    this.emailRefused = null;
  }

  /** The conversation is dropped (the caller saves the record). */
  keepEmail(info: GuestConversationInfo | null): void {
    // The next conversation is answered at the same email, unless the guest changes it.
    if (info?.email && !this.record.email) this.record.email = info.email;
  }

  email(info: GuestConversationInfo | null): string | null {
    return this.record.email ?? info?.email ?? null;
  }

  refusedEmail(): string | null {
    return this.emailRefused;
  }
}
