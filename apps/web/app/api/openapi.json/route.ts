import { restRoute } from '@/server/rest-route';

export const GET = restRoute('/api/openapi.json', 'GET');
