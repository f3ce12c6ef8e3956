import { startPluginServer } from '@registry/testing';
import { startProduct } from '../../support/running-product';
import { registerTestPlugins, warehouseRoutes } from './test-plugins';

/**
 * Starts the product once for every spec (production build, fresh database) and a real plugin
 * server on loopback, registered through the REST API as an operator's plugin would be.
 */
export default async function globalSetup() {
  const plugin = await startPluginServer(warehouseRoutes);
  // Specs start plugin servers of their own, on ports chosen when they start: loopback is
  // allowed on any port (the SSRF rules themselves are proven in packages/core).
  const product = await startProduct({ allowedAddresses: '127.0.0.1' });
  try {
    await registerTestPlugins(product.baseUrl, plugin.url);
  } catch (error) {
    await product.stop();
    await plugin.close();
    throw error;
  }
  // Workers inherit the environment; the fixtures read the product's address from it.
  process.env.E2E_BASE_URL = product.baseUrl;
  return async () => {
    await product.stop();
    await plugin.close();
  };
}
