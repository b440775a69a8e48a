/** The gateway's validated settings (GatewaySettings). */
export const GATEWAY_SETTINGS: unique symbol = Symbol('warmline.gateway.settings');
