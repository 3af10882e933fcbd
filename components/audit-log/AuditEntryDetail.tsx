// One audit entry's attributes, before and after, side by side (attribute | before | after): an
// attribute a change set, cleared or left out shows as (none) on that side.
import type { AuditAttributes, AuditRow } from '@/lib/server/audit/audit-row';

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('\n');
  return JSON.stringify(value);
}

function attributeNames(before: AuditAttributes | null, after: AuditAttributes | null): string[] {
  return [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
}

export function AuditEntryDetail({ entry }: { entry: AuditRow }) {
  const names = attributeNames(entry.before, entry.after);
  const where = entry.site ? `site ${entry.site}` : 'the organization';
  return (
    <div className="audit-detail" aria-label={`Attributes of ${entry.objectName}, before and after`} role="group">
      <p className="audit-detail-summary">
        {entry.action} of {entry.objectType} <strong>{entry.objectName}</strong>
        {entry.objectId ? ` (id ${entry.objectId})` : ''} in {where}, by {entry.administrator} from {entry.from}.
      </p>
      {names.length === 0 ? (
        <p className="audit-detail-none">No attributes were recorded for this entry.</p>
      ) : (
        <div className="sunken-panel audit-detail-panel">
          <table className="audit-detail-table">
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {names.map((name) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td className={entry.before && name in entry.before ? undefined : 'audit-none'}>{formatValue(entry.before?.[name])}</td>
                  <td className={entry.after && name in entry.after ? undefined : 'audit-none'}>{formatValue(entry.after?.[name])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
