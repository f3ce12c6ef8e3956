import { restRoute } from '@/server/rest-route';

export const PUT = restRoute('/api/actions/[action_type]/default-provider', 'PUT');
