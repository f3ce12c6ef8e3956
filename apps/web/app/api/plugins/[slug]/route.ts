import { restRoute } from '@/server/rest-route';

export const GET = restRoute('/api/plugins/[slug]', 'GET');
export const PUT = restRoute('/api/plugins/[slug]', 'PUT');
export const PATCH = restRoute('/api/plugins/[slug]', 'PATCH');
export const DELETE = restRoute('/api/plugins/[slug]', 'DELETE');
