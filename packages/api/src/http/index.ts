export { type ApiRequestListener, createApiRequestListener } from './api-request-listener';
export { readRequestSocket } from './request-socket';
export { createRestRouter, type RestRouter } from './rest-router';
export { readStampedSocket, SOCKET_STAMP_HEADER, stampRequestSocket } from './socket-stamp';
