import type { CombinedError } from '@urql/core';
import { useCallback, useState } from 'react';
import { useMutation } from 'urql';
import type { Adjustment } from './adjustment';
import { MoveAttendeeDocument, SwapAttendeesDocument } from './round.documents';

export interface AdjustState {
  /** Runs a change; `override` forces it past the hard rules, with the reason recorded. */
  run: (adjustment: Adjustment, override?: { reason: string }) => Promise<void>;
  /** The change the API refused, and why (a HARD_RULE refusal can be forced with a reason). */
  refused?: { adjustment: Adjustment; error: CombinedError };
  /** The last change that went through. */
  done?: Adjustment;
  busy: boolean;
  dismiss: () => void;
}

/** Swaps and moves on a generated draft (the round's review refetches itself: the answer is the round). */
export function useAdjust(roundId: string, onDone: () => void): AdjustState {
  const [swapResult, swap] = useMutation(SwapAttendeesDocument);
  const [moveResult, move] = useMutation(MoveAttendeeDocument);
  const [refused, setRefused] = useState<AdjustState['refused']>();
  const [done, setDone] = useState<Adjustment>();
  const run = useCallback(
    async (adjustment: Adjustment, override?: { reason: string }) => {
      const forced = override ? { force: true, reason: override.reason } : {};
      const result =
        adjustment.kind === 'swap'
          ? await swap({ input: { roundId, attendeeA: adjustment.a.attendeeId, attendeeB: adjustment.b.attendeeId, ...forced } })
          : await move({ input: { roundId, attendeeId: adjustment.who.attendeeId, toMeetingId: adjustment.to.meetingId, ...forced } });
      if (result.data) {
        setRefused(undefined);
        setDone(adjustment);
        onDone();
      } else if (result.error) {
        setDone(undefined);
        setRefused({ adjustment, error: result.error });
      }
    },
    [roundId, swap, move, onDone],
  );
  return { run, refused, done, busy: swapResult.fetching || moveResult.fetching, dismiss: useCallback(() => setRefused(undefined), []) };
}
