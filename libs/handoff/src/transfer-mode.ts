import { v1, type warmline } from '@warmline/contracts';

/**
 * How a transfer is made. `warm`: a closer is reserved and briefed before the buyer moves. `cold`:
 * the buyer is dialled straight through to a closer, no reservation and no brief (for comparison).
 */
export type TransferModeName = 'warm' | 'cold';

/** The mode of a grant's TransferMode; UNSPECIFIED is warm, as authority.proto says. */
export function transferModeName(
  mode: warmline.v1.TransferMode | null | undefined,
): TransferModeName {
  return mode === v1.TransferMode.TRANSFER_MODE_COLD ? 'cold' : 'warm';
}

/** The wire TransferMode of a mode. */
export function transferModeOf(mode: TransferModeName): warmline.v1.TransferMode {
  return mode === 'cold' ? v1.TransferMode.TRANSFER_MODE_COLD : v1.TransferMode.TRANSFER_MODE_WARM;
}
