// What presign:reveal hands the window: a presigned URL whole, the one answer that carries a credential across IPC
// on purpose (the session token sits in its query). See main/services/presignReveal.ts for why it is safe to ask.

export interface PresignedUrl {
  /** The full URL, X-Amz-Security-Token and X-Amz-Signature included: a bearer credential until it expires. */
  url: string;
  method: string;
  /** Headers the URL's signature covers besides host: whoever uses the URL must send them exactly. */
  headers: Array<[string, string]>;
  /** When it stops working, in this computer's clock (ISO 8601), the server's clock offset already allowed for. */
  expiresAt: string;
  expiresIn: number;
  /** True when the URL carries a session token (temporary credentials). */
  carriesSessionToken: boolean;
  region: string;
  service: string;
  /** True when the body is not covered (S3 signs UNSIGNED-PAYLOAD): any body may be sent with it. */
  unsignedPayload: boolean;
}
