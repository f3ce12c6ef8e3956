import { restRoute } from '@/server/rest-route';

export const GET = restRoute('/api/session', 'GET');
export const POST = restRoute('/api/session', 'POST');
export const DELETE = restRoute('/api/session', 'DELETE');
