export { type ApiRequestListener, createApiRequestListener } from './api-request-listener';
export { readRequestSocket } from './request-socket';
export { readStampedSocket, SOCKET_STAMP_HEADER, stampRequestSocket } from './socket-stamp';
