import { Search } from 'lucide-react';
import { registerFilterField } from '../../commands/window-commands';
import { useUi } from '../../state/ui';

/**
 * The toolbar's search field, at its trailing end as in Mac apps: it narrows what the main area shows, the
 * machine list or History, each with its own text (as Mail keeps a search per mailbox).
 */
export function SearchField() {
  const history = useUi((s) => s.view === 'activity');
  const text = useUi((s) => (history ? s.historyFilter.text : s.filter));
  const setText = (value: string) =>
    history ? useUi.getState().setHistoryFilter({ text: value }) : useUi.getState().setFilter(value);
  return (
    <label className="search-field">
      <Search size={13} aria-hidden />
      <input
        ref={registerFilterField}
        type="search"
        aria-label={history ? 'Filter history' : 'Filter machines'}
        placeholder={history ? 'Search History' : 'Search'}
        value={text}
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setText('')}
      />
    </label>
  );
}
