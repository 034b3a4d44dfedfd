/**
 * RFC 3161 timestamps (可信时间戳): the platform's own authority (route plugin `timestampRoutes` at
 * `/api/v1/tsa`), and `requestTimestamp`, which uses YS_TSA_URL when configured, else the built-in authority.
 */
export { createTimestampAuthority } from './timestamp-authority.js';
export type { TimestampAuthority, TimestampAuthorityOptions } from './timestamp-authority.js';
export { getPlatformTimestampAuthority, timestampAuthorityFor } from './platform-authority.js';
export { requestTimestamp, encodeTimestampRequest, tokenFromResponse } from './timestamp-client.js';
export type { RequestTimestampOptions, TimestampResult } from './timestamp-client.js';
export { verifyTimestampToken, TimestampTokenError } from './timestamp-token.js';
export type { TimestampTokenInfo, TimestampExpectations } from './timestamp-token.js';
export { timestampRoutes } from './timestamp.routes.js';
