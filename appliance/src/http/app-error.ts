export interface ErrorDetail {
  field: string;
  message: string;
}

/** The one error type routes throw; http/ turns it into `{error, details?}` with its status. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }

  static badRequest(message: string, details?: ErrorDetail[]) {
    return new AppError(400, message, details);
  }
  static unauthorized(message = "Sign in first.") {
    return new AppError(401, message);
  }
  static forbidden(message: string) {
    return new AppError(403, message);
  }
  static notFound(message: string) {
    return new AppError(404, message);
  }
  static conflict(message: string) {
    return new AppError(409, message);
  }
}
