import { restRoute } from '@/server/rest-route';

export const GET = restRoute('/api/plugins', 'GET');
export const POST = restRoute('/api/plugins', 'POST');
export const PUT = restRoute('/api/plugins', 'PUT');
export const PATCH = restRoute('/api/plugins', 'PATCH');
