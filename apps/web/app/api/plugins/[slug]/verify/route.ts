import { restRoute } from '@/server/rest-route';

export const POST = restRoute('/api/plugins/[slug]/verify', 'POST');
