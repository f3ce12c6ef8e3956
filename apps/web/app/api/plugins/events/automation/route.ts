import { restRoute } from '@/server/rest-route';

export const GET = restRoute('/api/plugins/events/automation', 'GET');
export const POST = restRoute('/api/plugins/events/automation', 'POST');
