/** Perception's validated settings (PerceptionSettings). */
export const PERCEPTION_SETTINGS: unique symbol = Symbol('warmline.perception.settings');
