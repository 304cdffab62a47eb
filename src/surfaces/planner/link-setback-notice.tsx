/** The console's line on why the hub holds the planner back (a kick for flooding), shown until it joins again. */
import { useAppState } from '../../ui/use-app-state';
import { linkSetbackText } from '../../ui/link-setback-text';
import { usePlannerContext } from './planner-context';

/** The setback notice, or nothing while the link is well. */
export function LinkSetbackNotice() {
  const { app } = usePlannerContext();
  const setback = useAppState(app, (s) => s.connection.setback);
  const locale = useAppState(app, (s) => s.locale);
  if (!setback) return null;
  return (
    <p class="planner-error" data-testid="link-setback" data-setback={setback.kind} role="alert">
      {linkSetbackText(locale, setback)}
    </p>
  );
}
