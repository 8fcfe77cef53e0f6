// The first step into history mode: which scenario's history to watch. Each is a button with its
// period, so the whole choice is one Tab and Enter away.
import { loadScenario, SCENARIO_IDS } from '../../../app/scenarios';
import { openDialog } from '../dialog';
import { h } from '../h';
import { fmtDate } from '../title';

/** Asks which scenario to watch; calls `pick` with its id. Scenarios that fail to load are named, not offered. */
export async function pickScenario(pick: (id: string) => void): Promise<void> {
  const loaded = await Promise.all(SCENARIO_IDS.map(async id => ({ id, r: await loadScenario(id) })));
  const d = openDialog(
    { title: 'History mode', className: 'pick-dialog' },
    h('p', null, 'Watch what happened, turn by turn, from London, Moscow or both; see what each side knew; and branch off at any decision to play it another way.'),
    h(
      'div',
      { class: 'pick-list', role: 'group', 'aria-label': 'Scenario' },
      loaded.map(({ id, r }) =>
        r.ok
          ? h(
              'button',
              {
                type: 'button',
                class: 'btn',
                'data-scenario': id,
                onclick: () => {
                  d.close();
                  pick(id);
                },
              },
              r.value.title,
              h('span', { class: 'btn-sub' }, `${fmtDate(r.value.calendar.start)} – ${fmtDate(r.value.calendar.end)}`),
            )
          : h('p', { class: 'notice error' }, r.error),
      ),
    ),
  );
}
