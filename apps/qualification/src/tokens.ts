/** Qualification's rules per campaign (QualificationSettings). */
export const QUALIFICATION_SETTINGS: unique symbol = Symbol('warmline.qualification.settings');
