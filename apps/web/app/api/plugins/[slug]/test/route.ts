import { restRoute } from '@/server/rest-route';

export const GET = restRoute('/api/plugins/[slug]/test', 'GET');
export const POST = restRoute('/api/plugins/[slug]/test', 'POST');
