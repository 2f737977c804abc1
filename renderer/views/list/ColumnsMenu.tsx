import { PopupMenu } from '../../components/PopupMenu';
import { useListColumns } from '../../state/list-columns';

/** The list header's context menu (as Finder's): which optional columns show. */
export function ColumnsMenu({ at, onClose }: { at: { x: number; y: number }; onClose(): void }) {
  const usage = useListColumns((s) => s.usage);
  return (
    <PopupMenu
      x={at.x}
      y={at.y}
      label="Columns"
      items={[
        {
          kind: 'item',
          id: 'usage',
          label: `${usage ? '✓ ' : ''}CPU and Memory`,
          enabled: true,
          reason: 'Read from inside each running machine on screen, every ten seconds',
        },
      ]}
      onChoose={() => useListColumns.getState().setUsage(!usage)}
      onClose={onClose}
    />
  );
}
