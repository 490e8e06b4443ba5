/**
 * A reducer whose latest state can be read at once, before Preact redraws. A key handler acting
 * right after another key (Space, then 3) must see the result of the first dispatch: with
 * useReducer it would still read the state of the last render.
 */
import { useRef, useState } from 'preact/hooks';

/** Like useReducer; also returns a reader of the state after the latest dispatch. Dispatch returns that state. */
export function useLiveReducer<S, A>(
  reducer: (state: S, action: A) => S,
  init: () => S,
): [S, (action: A) => S, () => S] {
  const [state, setState] = useState(init);
  const live = useRef(state);
  const dispatch = (action: A): S => {
    const next = reducer(live.current, action);
    if (next !== live.current) {
      live.current = next;
      setState(next);
    }
    return next;
  };
  return [state, dispatch, () => live.current];
}
