import { handleTrpcRequest } from '@registry/api';
import { getRegistryDeps } from '@/server/registry';

const handler = (request: Request) => handleTrpcRequest(getRegistryDeps(), request);

export { handler as GET, handler as POST };
